import { randomBytes } from 'node:crypto';
import type { Availability, Team } from '@dengar/contracts';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EventRelay } from '../src/modules/event/event-relay.js';
import type { Client } from './support/client.js';
import { TestSockets } from './support/sockets.js';
import type { TestApp } from './support/test-app.js';
import { deliverTicket, setAvailability, startTicketApp, teamAgent } from './support/tickets.js';
import { deliver, item } from './support/webhook.js';

/** Capacity-aware auto-assignment (SPEC §5), driven the way production drives it: webhook mentions open tickets. */
describe('assignment', () => {
  let t: TestApp;
  let admin: Client;
  let general: Team;
  let src: { id: string; secret: string };
  const sockets = new TestSockets();
  const sql = <T = any>(q: string, p: unknown[] = []) => t.db.query<T>(q, p);

  beforeAll(async () => {
    ({ t, admin, general, src } = await startTicketApp());
  });
  // Each test starts from an empty waiting queue and nobody online.
  beforeEach(async () => {
    await sql(`UPDATE users SET availability = 'offline'`);
    await sql(`UPDATE tickets SET status = 'closed', closed_at = now() WHERE status <> 'closed'`);
  });
  afterEach(() => sockets.closeAll());
  afterAll(() => t?.close());

  const setMode = async (assignmentMode: Team['assignmentMode']) => {
    const res = await admin.patch(`/api/teams/${general.id}`, { assignmentMode });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.assignmentMode).toBe(assignmentMode);
  };

  /** An agent of General with this capacity, optionally already online or away. */
  const agent = async (capacity: number, availability?: Availability) => {
    const a = await teamAgent(admin, general.id);
    const res = await admin.patch(`/api/users/${a.user.id}`, { capacity });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    if (availability) await setAvailability(a.client, availability);
    return { id: a.user.id, client: a.client };
  };

  /** One customer mention → one new ticket in General; returns the ticket id. */
  const newTicket = () => deliverTicket(t, src);

  const ticketRow = async (id: string) =>
    (
      await sql<{ assigneeId: string | null; status: string; number: number }>(
        'SELECT assignee_id AS "assigneeId", status, number FROM tickets WHERE id = $1',
        [id],
      )
    )[0]!;

  const activeLoad = async (userId: string) =>
    (
      await sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM tickets WHERE assignee_id = $1 AND status IN ('new', 'open', 'pending')`,
        [userId],
      )
    )[0]!.n;

  it('round_robin alternates between two online agents and opens the ticket', async () => {
    await setMode('round_robin');
    const a = await agent(20, 'online');
    const b = await agent(20, 'online');
    const assignees: (string | null)[] = [];
    for (let i = 0; i < 4; i++) assignees.push((await ticketRow(await newTicket())).assigneeId);
    expect(new Set(assignees)).toEqual(new Set([a.id, b.id]));
    for (let i = 1; i < assignees.length; i++) expect(assignees[i]).not.toBe(assignees[i - 1]);
    expect(await activeLoad(a.id)).toBe(2);
    expect(await activeLoad(b.id)).toBe(2);
  });

  it('tells the assignee live and writes the timeline: assigned by the system, new → open', async () => {
    await setMode('round_robin');
    const a = await agent(20, 'online');
    const { heard: got } = await sockets.listen(a.client, [
      'ticket.assigned',
      'ticket.updated',
      'notification.created',
    ]);
    const id = await newTicket();
    const row = await ticketRow(id);
    expect(row).toMatchObject({ assigneeId: a.id, status: 'open' });
    await t.app.get(EventRelay).flush();
    await expect
      .poll(() => got.map((g) => g.name).sort())
      .toEqual(expect.arrayContaining(['notification.created', 'ticket.assigned', 'ticket.updated']));
    expect(got.find((g) => g.name === 'ticket.assigned')!.data).toEqual({
      ticketId: id,
      teamId: general.id,
      assigneeId: a.id,
      previousAssigneeId: null,
    });
    const updated = got.find((g) => g.name === 'ticket.updated' && g.data.ticketId === id)!.data;
    expect(updated.changed).toEqual(expect.arrayContaining(['assigneeId', 'status']));
    expect(updated.ticket).toMatchObject({ id, assigneeId: a.id, status: 'open' });
    const note = got.find((g) => g.name === 'notification.created')!.data;
    expect(note).toMatchObject({ kind: 'assigned', ticketId: id, actorId: null });
    expect(note.text).toBe(`Ticket #${row.number} was assigned to you`);

    const events = await sql<{ type: string; actorId: string | null; data: any }>(
      `SELECT type, actor_id AS "actorId", data FROM ticket_events WHERE ticket_id = $1 AND type IN ('assigned', 'status_changed')`,
      [id],
    );
    expect(events).toEqual(
      expect.arrayContaining([
        {
          type: 'assigned',
          actorId: null,
          data: { assigneeId: a.id, previousAssigneeId: null, reason: 'round_robin' },
        },
        { type: 'status_changed', actorId: null, data: { from: 'new', to: 'open', reason: 'assigned' } },
      ]),
    );
  });

  it('balanced gives the next ticket to the least loaded member, ties to the one served longest ago', async () => {
    await setMode('balanced');
    const a = await agent(20, 'online');
    expect((await ticketRow(await newTicket())).assigneeId).toBe(a.id);
    expect((await ticketRow(await newTicket())).assigneeId).toBe(a.id);
    const b = await agent(20, 'online');
    expect((await ticketRow(await newTicket())).assigneeId).toBe(b.id);
    expect((await ticketRow(await newTicket())).assigneeId).toBe(b.id);
    // 2 each now: a was assigned longer ago.
    expect((await ticketRow(await newTicket())).assigneeId).toBe(a.id);
    const reasons = await sql<{ reason: string }>(
      `SELECT e.data->>'reason' AS reason FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
        WHERE e.type = 'assigned' AND t.assignee_id = $1`,
      [b.id],
    );
    expect(reasons.map((r) => r.reason)).toEqual(['balanced', 'balanced']);
  });

  it('skips offline, away and full members; a ticket nobody can take waits unassigned', async () => {
    await setMode('round_robin');
    const full = await agent(1, 'online');
    expect((await ticketRow(await newTicket())).assigneeId).toBe(full.id);
    await agent(20, 'away');
    await agent(20); // offline: every new user starts offline
    await agent(0, 'online');
    const waiting = await ticketRow(await newTicket());
    expect(waiting).toMatchObject({ assigneeId: null, status: 'new' });
    expect(await activeLoad(full.id)).toBe(1);
  });

  it('never auto-assigns in a manual team', async () => {
    await setMode('manual');
    await agent(20, 'online');
    await agent(20, 'online');
    const row = await ticketRow(await newTicket());
    expect(row).toMatchObject({ assigneeId: null, status: 'new' });
    const events = await sql(
      `SELECT 1 FROM ticket_events WHERE ticket_id IN (SELECT id FROM tickets WHERE number = $1)
      AND type = 'assigned'`,
      [row.number],
    );
    expect(events).toHaveLength(0);
  });

  it('an agent coming online receives waiting tickets, oldest first, up to capacity', async () => {
    await setMode('round_robin');
    const first = await newTicket();
    const second = await newTicket();
    const third = await newTicket();
    for (const id of [first, second, third]) expect((await ticketRow(id)).assigneeId).toBeNull();
    const a = await agent(2);
    const res = await a.client.put('/api/users/me/availability', { availability: 'online' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ userId: a.id, availability: 'online' });
    // Committed with the answer.
    expect((await ticketRow(first)).assigneeId).toBe(a.id);
    expect((await ticketRow(second)).assigneeId).toBe(a.id);
    expect((await ticketRow(third)).assigneeId).toBeNull();
    const b = await agent(5);
    await setAvailability(b.client, 'online');
    expect((await ticketRow(third)).assigneeId).toBe(b.id);
  });

  it('20 mentions at once to two online agents of capacity 5: exactly 10 assigned, 5 each', async () => {
    await setMode('round_robin');
    const a = await agent(5, 'online');
    const b = await agent(5, 'online');
    const exts = Array.from({ length: 20 }, (_, i) => `burst-${i}-${randomBytes(4).toString('hex')}`);
    const results = await Promise.all(
      exts.map((ext) => deliver(admin, src.id, src.secret, { mentions: [item(ext, 'Is my refund coming?', ext)] })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(202));
    const rows = await sql<{ assigneeId: string | null }>(
      `SELECT t.assignee_id AS "assigneeId" FROM tickets t
        WHERE t.id IN (SELECT ticket_id FROM mentions WHERE external_id = ANY($1::text[]))`,
      [exts],
    );
    expect(rows).toHaveLength(20);
    expect(rows.filter((r) => r.assigneeId === a.id)).toHaveLength(5);
    expect(rows.filter((r) => r.assigneeId === b.id)).toHaveLength(5);
    expect(rows.filter((r) => r.assigneeId === null)).toHaveLength(10);
    // The counters the capacity check reads agree with the rows.
    const counted = await sql<{ n: number }>(
      `SELECT coalesce(sum(n), 0)::int AS n FROM ticket_counters
        WHERE assignee_key = $1 AND status IN ('new', 'open', 'pending')`,
      [a.id],
    );
    expect(counted[0]!.n).toBe(5);
  });
});
