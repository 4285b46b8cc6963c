import type { Note, Notification, Team } from '@dengar/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EventRelay } from '../src/modules/event/event-relay.js';
import type { Client } from './support/client.js';
import { createTeam, createUser } from './support/factories.js';
import { TestSockets } from './support/sockets.js';
import type { TestApp } from './support/test-app.js';
import { deliverTicket, startTicketApp } from './support/tickets.js';

/** Internal notes with @mentions (SPEC §6) and the notifications they raise (SPEC §7). */
describe('notes and notifications', () => {
  let t: TestApp;
  let admin: Client;
  let general: Team;
  let src: { id: string; secret: string };
  let sari: Awaited<ReturnType<typeof createUser>>;
  let alex: Awaited<ReturnType<typeof createUser>>;
  let dewi: Awaited<ReturnType<typeof createUser>>;
  let budi: Awaited<ReturnType<typeof createUser>>;
  const sockets = new TestSockets();
  const sql = <T = any>(q: string, p: unknown[] = []) => t.db.query<T>(q, p);

  const newTicket = () => deliverTicket(t, src, 'My coffee order never arrived');
  /** A signed-in socket that collects the events of these names. */
  const listen = async (c: Client, names: string[]) => (await sockets.listen(c, names)).heard;

  beforeAll(async () => {
    ({ t, admin, general, src } = await startTicketApp());
    sari = await createUser(admin, 'agent', { teamIds: [general.id], name: 'Sari Wulandari' });
    alex = await createUser(admin, 'agent', { teamIds: [general.id], name: 'Alex Morgan' });
    dewi = await createUser(admin, 'agent', { teamIds: [(await createTeam(admin)).id], name: 'Dewi Lestari' });
    budi = await createUser(admin, 'manager', { name: 'Budi Santoso' });
  });
  afterEach(() => sockets.closeAll());
  afterAll(() => t?.close());

  it('a note with @mentions notifies the mentioned users who can see the ticket, live and in their list', async () => {
    const ticketId = await newTicket();
    const [before] = await sql<{ number: number; last_activity_at: Date; version: number }>(
      'SELECT number, last_activity_at, version FROM tickets WHERE id = $1',
      [ticketId],
    );
    const { number, last_activity_at, version } = before!;
    const alexEvents = await listen(alex.client, ['notification.created', 'note.created']);
    const dewiEvents = await listen(dewi.client, ['notification.created', 'note.created']);
    const budiLocal = budi.user.email.split('@')[0]!;

    const body = `@alex can you check the courier? @Dewi too, and @${budiLocal} FYI`;
    const res = await sari.client.post<Note>(`/api/tickets/${ticketId}/notes`, { body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ ticketId, authorId: sari.user.id, body });
    // Dewi is in another team: she cannot open the ticket, so she is neither stored nor told.
    expect(res.body.mentionedUserIds.sort()).toEqual([alex.user.id, budi.user.id].sort());

    await t.app.get(EventRelay).flush();
    await expect.poll(() => alexEvents.length).toBe(2);
    const notice = alexEvents.find((e) => e.name === 'notification.created')!.data as Notification;
    expect(notice).toMatchObject({ kind: 'mentioned', ticketId, actorId: sari.user.id, readAt: null });
    expect(notice.text).toBe(`Sari Wulandari mentioned you on #${number}: ${body}`);
    const created = alexEvents.find((e) => e.name === 'note.created')!.data;
    expect(created).toMatchObject({ ticketId, teamId: general.id, noteId: res.body.id });
    expect(created.note.body).toBe(body);

    const list = await alex.client.get<{ items: Notification[]; unread: number }>('/api/notifications');
    expect(list.status).toBe(200);
    expect(list.body.unread).toBe(1);
    expect(list.body.items.map((i) => i.id)).toEqual([notice.id]);
    expect((await budi.client.get('/api/notifications')).body.unread).toBe(1);
    const dewiList = await dewi.client.get('/api/notifications');
    expect(dewiList.body).toMatchObject({ items: [], unread: 0 });
    expect(dewiEvents).toEqual([]);
    // The author is not told about their own note.
    expect((await sari.client.get('/api/notifications')).body.unread).toBe(0);

    const [event] = await sql<{ type: string; actor_id: string; data: any }>(
      `SELECT type, actor_id, data FROM ticket_events WHERE ticket_id = $1 AND type = 'note_added'`,
      [ticketId],
    );
    expect(event).toMatchObject({ actor_id: sari.user.id, data: { noteId: res.body.id } });
    // A note is internal: the customer conversation's activity time and the ticket version stay.
    const [after] = await sql<{ last_activity_at: Date; version: number }>(
      'SELECT last_activity_at, version FROM tickets WHERE id = $1',
      [ticketId],
    );
    expect(after).toEqual({ last_activity_at, version });
  });

  it('mentions by picked id, by e-mail local part and by full name; self-mentions notify nobody', async () => {
    const ticketId = await newTicket();
    const res = await sari.client.post<Note>(`/api/tickets/${ticketId}/notes`, {
      body: 'Handing over to @AlexMorgan, see above — @sari',
      mentionedUserIds: [budi.user.id],
    });
    expect(res.status).toBe(201);
    expect(res.body.mentionedUserIds.sort()).toEqual([alex.user.id, budi.user.id, sari.user.id].sort());
    expect((await sari.client.get('/api/notifications')).body.unread).toBe(0);
  });

  it('refuses mentionedUserIds that are not active users (400), and notes on tickets the caller cannot see (404)', async () => {
    const ticketId = await newTicket();
    const ghost = '6f1d2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b';
    const bad = await sari.client.post(`/api/tickets/${ticketId}/notes`, { body: 'hi', mentionedUserIds: [ghost] });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('mentionedUserIds');
    expect(bad.body.message).toContain(ghost);

    const gone = await createUser(admin, 'agent', { teamIds: [general.id] });
    await admin.patch(`/api/users/${gone.user.id}`, { active: false });
    const inactive = await sari.client.post(`/api/tickets/${ticketId}/notes`, {
      body: 'hi',
      mentionedUserIds: [gone.user.id],
    });
    expect(inactive.status).toBe(400);

    expect((await sari.client.post(`/api/tickets/${ticketId}/notes`, { body: '   ' })).status).toBe(400);
    expect((await dewi.client.post(`/api/tickets/${ticketId}/notes`, { body: 'peek' })).status).toBe(404);
    const notes = await sql<{ count: number }>('SELECT count(*)::int AS count FROM notes WHERE ticket_id = $1', [
      ticketId,
    ]);
    expect(notes[0]!.count).toBe(0);
  });

  it('lists notifications newest first with a cursor, filters unread, and marks them read', async () => {
    const reader = await createUser(admin, 'agent', { teamIds: [general.id], name: 'Reader Person' });
    const ticketId = await newTicket();
    for (const i of [1, 2, 3]) {
      const res = await sari.client.post(`/api/tickets/${ticketId}/notes`, {
        body: `note ${i}`,
        mentionedUserIds: [reader.user.id],
      });
      expect(res.status).toBe(201);
    }
    const first = await reader.client.get<{ items: Notification[]; nextCursor: string | null; unread: number }>(
      '/api/notifications?limit=2',
    );
    expect(first.body.unread).toBe(3);
    expect(first.body.items.map((i) => i.text.slice(-6))).toEqual(['note 3', 'note 2']);
    const second = await reader.client.get<{ items: Notification[]; nextCursor: string | null }>(
      `/api/notifications?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((i) => i.text.slice(-6))).toEqual(['note 1']);
    expect(second.body.nextCursor).toBeNull();

    // Someone else cannot mark them read.
    const other = await alex.client.post('/api/notifications/read', { ids: [first.body.items[0]!.id] });
    expect(other.status).toBe(200);
    expect(other.body.updated).toBe(0);

    const one = await reader.client.post('/api/notifications/read', { ids: [first.body.items[0]!.id] });
    expect(one.status).toBe(200);
    expect(one.body).toEqual({ updated: 1, unread: 2 });
    const unread = await reader.client.get<{ items: Notification[] }>('/api/notifications?unread=true');
    expect(unread.body.items.map((i) => i.text.slice(-6))).toEqual(['note 2', 'note 1']);
    const all = await reader.client.post('/api/notifications/read', {});
    expect(all.body).toEqual({ updated: 2, unread: 0 });
    const after = await reader.client.get<{ items: Notification[]; unread: number }>('/api/notifications');
    expect(after.body.unread).toBe(0);
    expect(after.body.items.every((i) => i.readAt !== null)).toBe(true);

    expect((await reader.client.post('/api/notifications/read', { ids: ['x'] })).status).toBe(400);
    expect((await reader.client.get('/api/notifications?unread=maybe')).status).toBe(400);
  });
});
