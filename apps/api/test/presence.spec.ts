import type { PresenceAck, Team } from '@dengar/contracts';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EventRelay } from '../src/modules/event/event-relay.js';
import { PresenceService } from '../src/modules/presence/presence.service.js';
import { RealtimeGateway } from '../src/realtime/realtime.gateway.js';
import type { Client } from './support/client.js';
import { createTeam, createUser } from './support/factories.js';
import { TestSockets, type Heard } from './support/sockets.js';
import type { TestApp } from './support/test-app.js';
import { deliverTicket, startTicketApp, teamAgent } from './support/tickets.js';

interface PresenceData {
  userId: string;
  availability?: string;
  ticketId?: string;
  viewers?: { userId: string; name: string; typing: boolean }[];
}

/** Availability (SPEC §3) and who is viewing or typing on a ticket (SPEC §5 "Presence and collision"). */
describe('presence', () => {
  let t: TestApp;
  let admin: Client;
  let general: Team;
  let src: { id: string; secret: string };
  const sockets = new TestSockets();
  const sql = <T = any>(q: string, p: unknown[] = []) => t.db.query<T>(q, p);

  beforeAll(async () => {
    ({ t, admin, general, src } = await startTicketApp());
  });
  afterEach(() => sockets.closeAll());
  afterAll(() => t?.close());

  /** A connected socket and every `presence.updated` it receives (envelope included). */
  const connect = async (c: Client) => {
    const { socket, heard } = await sockets.listen<PresenceData>(c, ['presence.updated']);
    return { s: socket, got: heard };
  };

  const availabilityOf = async (userId: string) =>
    (await sql<{ availability: string }>('SELECT availability FROM users WHERE id = $1', [userId]))[0]!.availability;

  const newTicket = () => deliverTicket(t, src, 'Where is my parcel?');

  const view = (s: Socket, ticketId: string, viewing = true): Promise<PresenceAck> =>
    s.timeout(5000).emitWithAck('presence.view', { ticketId, viewing });
  const typing = (s: Socket, ticketId: string, on: boolean): Promise<PresenceAck> =>
    s.timeout(5000).emitWithAck('presence.typing', { ticketId, typing: on });

  /** The latest viewer list a socket heard for the ticket. */
  const lastViewers = (got: Heard<PresenceData>[], ticketId: string) =>
    got.filter((e) => e.data.ticketId === ticketId).at(-1)?.data.viewers;

  describe('availability', () => {
    it('PUT /api/users/me/availability sets it, and managers and the user’s teams hear presence.updated', async () => {
      const manager = await createUser(admin, 'manager');
      const agent = await createUser(admin, 'agent', { teamIds: [general.id] });
      const teammate = await createUser(admin, 'agent', { teamIds: [general.id] });
      const outsider = await createUser(admin, 'agent', { teamIds: [(await createTeam(admin)).id] });
      const m = await connect(manager.client);
      const mate = await connect(teammate.client);
      const out = await connect(outsider.client);

      const res = await agent.client.put('/api/users/me/availability', { availability: 'online' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toEqual({ userId: agent.user.id, availability: 'online' });
      expect(await availabilityOf(agent.user.id)).toBe('online');
      const seen = await sql<{ lastSeenAt: Date | null }>(
        'SELECT last_seen_at AS "lastSeenAt" FROM users WHERE id = $1',
        [agent.user.id],
      );
      expect(seen[0]!.lastSeenAt).not.toBeNull();

      await t.app.get(EventRelay).flush();
      const wanted = { userId: agent.user.id, availability: 'online' };
      await expect.poll(() => m.got.map((e) => e.data)).toContainEqual(wanted);
      await expect.poll(() => mate.got.map((e) => e.data)).toContainEqual(wanted);
      // Durable: it went through the event log (a real seq), unlike ticket presence.
      expect(m.got.find((e) => e.data.userId === agent.user.id)!.seq).toBeGreaterThan(0);
      expect(out.got.filter((e) => e.data.userId === agent.user.id)).toEqual([]);
      const admins = await admin.get(`/api/users/${agent.user.id}`);
      expect(admins.body.availability).toBe('online');
    });

    it('refuses a bad value naming the field, and anonymous callers', async () => {
      const agent = await createUser(admin, 'agent');
      const bad = await agent.client.put('/api/users/me/availability', { availability: 'busy' });
      expect(bad.status).toBe(400);
      expect(bad.body.details.fields[0].path).toBe('availability');
      const extra = await agent.client.put('/api/users/me/availability', {
        availability: 'away',
        userId: admin.user!.id,
      });
      expect(extra.status).toBe(400);
      expect(await availabilityOf(agent.user.id)).toBe('offline');
      const anon = await t.client().put('/api/users/me/availability', { availability: 'online' });
      expect(anon.status).toBe(401);
    });

    it('drops a user to offline once all their sockets have been gone a while, not before', async () => {
      const presence = t.app.get(PresenceService);
      const manager = await createUser(admin, 'manager');
      const agent = await teamAgent(admin, general.id, { availability: 'online' });
      const m = await connect(manager.client);
      // No socket yet, but the grace (PRESENCE_OFFLINE_AFTER_SEC, default 120 s) since the last sign of life holds.
      expect(await presence.sweepOffline()).not.toContain(agent.user.id);

      const a1 = await connect(agent.client);
      const a2 = await connect(agent.client);
      const sockets = await sql('SELECT 1 FROM user_sockets WHERE user_id = $1', [agent.user.id]);
      expect(sockets).toHaveLength(2);
      // While a socket is live nobody goes offline, however long ago the last sign of life was.
      await sql(`UPDATE users SET last_seen_at = now() - interval '1 hour' WHERE id = $1`, [agent.user.id]);
      expect(await presence.sweepOffline(1)).not.toContain(agent.user.id);
      a1.s.close();
      await expect
        .poll(async () => (await sql('SELECT 1 FROM user_sockets WHERE user_id = $1', [agent.user.id])).length)
        .toBe(1);
      await sql(`UPDATE users SET last_seen_at = now() - interval '1 hour' WHERE id = $1`, [agent.user.id]);
      expect(await presence.sweepOffline(1)).not.toContain(agent.user.id);
      expect(await availabilityOf(agent.user.id)).toBe('online');

      a2.s.close();
      await expect
        .poll(async () => (await sql('SELECT 1 FROM user_sockets WHERE user_id = $1', [agent.user.id])).length)
        .toBe(0);
      await expect
        .poll(
          async () => {
            await presence.sweepOffline(1);
            return availabilityOf(agent.user.id);
          },
          { timeout: 10_000, interval: 250 },
        )
        .toBe('offline');
      await t.app.get(EventRelay).flush();
      await expect
        .poll(() => m.got.map((e) => e.data))
        .toContainEqual({ userId: agent.user.id, availability: 'offline' });
    });
  });

  describe('on a ticket', () => {
    it('two people viewing one ticket see each other; typing shows and lapses; leaving updates the list', async () => {
      const ticketId = await newTicket();
      const ana = await teamAgent(admin, general.id, { name: 'Ana' });
      const budi = await teamAgent(admin, general.id, { name: 'Budi' });
      const a = await connect(ana.client);
      const b = await connect(budi.client);

      expect(await view(a.s, ticketId)).toEqual({ ok: true });
      await expect
        .poll(() => lastViewers(a.got, ticketId))
        .toEqual([{ userId: ana.user.id, name: 'Ana', typing: false }]);
      expect(await view(b.s, ticketId)).toEqual({ ok: true });
      const both = [
        { userId: ana.user.id, name: 'Ana', typing: false },
        { userId: budi.user.id, name: 'Budi', typing: false },
      ];
      await expect.poll(() => lastViewers(a.got, ticketId)).toEqual(both);
      await expect.poll(() => lastViewers(b.got, ticketId)).toEqual(both);
      const envelope = a.got.at(-1)!;
      // Ephemeral: not in the event log.
      expect(envelope.seq).toBe(0);
      expect(envelope.data.userId).toBe(budi.user.id);
      expect(
        await sql(`SELECT 1 FROM events WHERE name = 'presence.updated' AND data->>'ticketId' = $1`, [ticketId]),
      ).toEqual([]);

      expect(await typing(b.s, ticketId, true)).toEqual({ ok: true });
      await expect.poll(() => lastViewers(a.got, ticketId)?.find((v) => v.userId === budi.user.id)?.typing).toBe(true);
      // Nobody repeats the signal: it lapses by itself (after ~6 s) and the others hear it.
      await expect
        .poll(() => lastViewers(a.got, ticketId)?.find((v) => v.userId === budi.user.id)?.typing, { timeout: 12_000 })
        .toBe(false);

      expect(await typing(b.s, ticketId, true)).toEqual({ ok: true });
      await expect.poll(() => lastViewers(a.got, ticketId)?.find((v) => v.userId === budi.user.id)?.typing).toBe(true);
      expect(await typing(b.s, ticketId, false)).toEqual({ ok: true });
      await expect.poll(() => lastViewers(a.got, ticketId)?.find((v) => v.userId === budi.user.id)?.typing).toBe(false);

      expect(await view(b.s, ticketId, false)).toEqual({ ok: true });
      await expect.poll(() => lastViewers(a.got, ticketId)).toEqual([both[0]]);
      // Budi's socket left the ticket room: it hears nothing more about it.
      const heard = b.got.length;
      expect(await typing(a.s, ticketId, true)).toEqual({ ok: true });
      await expect.poll(() => lastViewers(a.got, ticketId)?.[0]?.typing).toBe(true);
      expect(b.got.length).toBe(heard);

      // A socket that goes away leaves the list too.
      await view(b.s, ticketId);
      await expect.poll(() => lastViewers(a.got, ticketId)?.length).toBe(2);
      b.s.close();
      await expect.poll(() => lastViewers(a.got, ticketId)?.map((v) => v.userId)).toEqual([ana.user.id]);
      expect(await sql('SELECT 1 FROM ticket_presence WHERE user_id = $1', [budi.user.id])).toEqual([]);
    });

    it('forgets the sockets of an instance that died: its viewers vanish, its users can go offline', async () => {
      const ticketId = await newTicket();
      const ghost = await teamAgent(admin, general.id, { name: 'Ghost', availability: 'online' });
      const live = await teamAgent(admin, general.id, { name: 'Live' });
      // What a crashed instance leaves behind: rows nobody refreshes any more.
      await sql(
        `INSERT INTO user_sockets (socket_id, user_id, instance_id, seen_at)
         VALUES ('ghost-socket', $1, 'dead-instance', now() - interval '5 minutes')`,
        [ghost.user.id],
      );
      await sql(`INSERT INTO ticket_presence (socket_id, ticket_id, user_id) VALUES ('ghost-socket', $1, $2)`, [
        ticketId,
        ghost.user.id,
      ]);
      await sql(`UPDATE users SET last_seen_at = now() - interval '5 minutes' WHERE id = $1`, [ghost.user.id]);

      const l = await connect(live.client);
      await view(l.s, ticketId);
      await expect.poll(() => lastViewers(l.got, ticketId)?.map((v) => v.name)).toEqual(['Live']);
      await t.app.get(RealtimeGateway).beat();
      expect(await sql(`SELECT 1 FROM ticket_presence WHERE socket_id = 'ghost-socket'`)).toEqual([]);
      await expect
        .poll(() => l.got.some((e) => e.data.ticketId === ticketId && e.data.userId === ghost.user.id))
        .toBe(true);
      // The live socket's own row was refreshed; the stale one no longer keeps its user online.
      expect(await sql('SELECT 1 FROM user_sockets WHERE user_id = $1', [live.user.id])).toHaveLength(1);
      expect(await t.app.get(PresenceService).sweepOffline(60)).toContain(ghost.user.id);
      expect(await availabilityOf(ghost.user.id)).toBe('offline');
    });

    it('one user on two sockets is listed once', async () => {
      const ticketId = await newTicket();
      const cici = await teamAgent(admin, general.id, { name: 'Cici' });
      const s1 = await connect(cici.client);
      const s2 = await connect(cici.client);
      await view(s1.s, ticketId);
      await view(s2.s, ticketId);
      await typing(s2.s, ticketId, true);
      await expect
        .poll(() => lastViewers(s1.got, ticketId))
        .toEqual([{ userId: cici.user.id, name: 'Cici', typing: true }]);
    });

    it('a user of another team cannot view the ticket (ack error, nothing joined), nor send bad payloads', async () => {
      const ticketId = await newTicket();
      const insider = await createUser(admin, 'agent', { teamIds: [general.id] });
      const outsider = await createUser(admin, 'agent', { teamIds: [(await createTeam(admin)).id] });
      const i = await connect(insider.client);
      const o = await connect(outsider.client);
      await view(i.s, ticketId);
      await expect.poll(() => lastViewers(i.got, ticketId)?.length).toBe(1);

      expect(await view(o.s, ticketId)).toEqual({ ok: false, error: 'not found' });
      expect(await typing(o.s, ticketId, true)).toEqual({ ok: false, error: 'not found' });
      expect(await view(o.s, '00000000-0000-4000-8000-000000000000')).toEqual({ ok: false, error: 'not found' });
      expect(await sql('SELECT 1 FROM ticket_presence WHERE user_id = $1', [outsider.user.id])).toEqual([]);

      const bad = await o.s.timeout(5000).emitWithAck('presence.view', { ticketId: 'nope', viewing: true });
      expect(bad.ok).toBe(false);
      expect(bad.error).toMatch(/ticketId/);
      const extra = await o.s.timeout(5000).emitWithAck('presence.typing', { ticketId, typing: true, as: 'x' });
      expect(extra.ok).toBe(false);

      // The insider's list never showed the outsider, and the outsider heard nothing about the ticket.
      await typing(i.s, ticketId, false);
      expect(i.got.every((e) => (e.data.viewers ?? []).every((v) => v.userId !== outsider.user.id))).toBe(true);
      expect(o.got.filter((e) => e.data.ticketId === ticketId)).toEqual([]);
    });
  });
});
