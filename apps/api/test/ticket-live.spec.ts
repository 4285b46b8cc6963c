import type { EventEnvelope, EventsPage, Team, Ticket } from '@dengar/contracts';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from './support/client.js';
import { createTeam, createUser } from './support/factories.js';
import { ready } from './support/sockets.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { deliver, item, webhookSource } from './support/webhook.js';

type Updated = EventEnvelope<'ticket.updated'>;

/** A signed-in user's socket and everything it heard. */
interface Listener {
  name: string;
  userId: string;
  client: Client;
  socket: Socket;
  updated: Updated[];
  assigned: EventEnvelope<'ticket.assigned'>[];
}

let t: TestApp;
let admin: Client;
let teamA: Team;
let teamB: Team;
let source: { id: string; secret: string };
let agentA: Listener;
let agentB: Listener;
let boss: Listener;
let n = 0;

async function listen(name: string, user: { user: { id: string }; client: Client }): Promise<Listener> {
  const { client } = user;
  const socket = client.socket();
  const l: Listener = { name, userId: user.user.id, client, socket, updated: [], assigned: [] };
  socket.on('ticket.updated', (e: Updated) => l.updated.push(e));
  socket.on('ticket.assigned', (e: EventEnvelope<'ticket.assigned'>) => l.assigned.push(e));
  await ready(socket);
  return l;
}

async function newTicket(team: Team): Promise<Ticket> {
  n += 1;
  const it = item(`live-${n}`, `Live ticket ${n}: where is my refund?`, `live-cust-${n}`);
  expect((await deliver(t.client(), source.id, source.secret, { mentions: [it] })).status).toBe(202);
  const [row] = await t.db.query<{ id: string }>('SELECT ticket_id AS id FROM mentions WHERE external_id = $1', [
    it.externalId,
  ]);
  await change(row!.id, { teamId: team.id });
  return current(row!.id);
}

async function current(id: string): Promise<Ticket> {
  const res = await admin.get<Ticket>(`/api/tickets/${id}`);
  expect(res.status).toBe(200);
  return res.body;
}

async function change(id: string, body: Record<string, unknown>): Promise<Ticket> {
  const { version } = await current(id);
  const res = await admin.patch<Ticket>(`/api/tickets/${id}`, { version, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** Waits until the listener heard `ticket.updated` for this ticket at this version (or later). */
async function heard(l: Listener, ticketId: string, version: number): Promise<Updated> {
  let found: Updated | undefined;
  await expect
    .poll(() => (found = l.updated.find((e) => e.data.ticketId === ticketId && e.data.version >= version)), {
      timeout: 5000,
      interval: 20,
    })
    .toBeTruthy();
  return found!;
}

const heardAbout = (l: Listener, ticketId: string, minVersion = 0) =>
  l.updated.filter((e) => e.data.ticketId === ticketId && e.data.version >= minVersion);

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.admin();
  teamA = await createTeam(admin, 'Live A');
  teamB = await createTeam(admin, 'Live B');
  source = await webhookSource(admin);
  const a = await createUser(admin, 'agent', { teamIds: [teamA.id] });
  const b = await createUser(admin, 'agent', { teamIds: [teamB.id] });
  const m = await createUser(admin, 'manager');
  agentA = await listen('agent A', a);
  agentB = await listen('agent B', b);
  boss = await listen('manager', m);
}, 60_000);

afterAll(async () => {
  for (const l of [agentA, agentB, boss]) l?.socket.disconnect();
  await t?.close();
});

describe('live ticket events', () => {
  it('tells team A and managers about a team-A ticket with the full ticket, never team B', async () => {
    const ticketA = await newTicket(teamA);
    const ticketB = await newTicket(teamB);
    const changed = await change(ticketA.id, { priority: 'urgent' });
    const toA = await heard(agentA, ticketA.id, changed.version);
    const toBoss = await heard(boss, ticketA.id, changed.version);
    for (const e of [toA, toBoss]) {
      expect(e.data.changed).toEqual(['priority']);
      expect(e.data.ticket).toMatchObject({ id: ticketA.id, priority: 'urgent', version: changed.version });
      expect(e.data.ticket.author.handle).toBeTruthy();
      expect(e.seq).toBeGreaterThan(0);
    }
    // A later change B does hear: once it arrives, anything about ticket A would have arrived before it.
    const barrier = await change(ticketB.id, { priority: 'high' });
    await heard(agentB, ticketB.id, barrier.version);
    expect(heardAbout(agentB, ticketA.id)).toEqual([]);
    expect(heardAbout(agentA, ticketB.id)).toEqual([]);
  });

  it('announces an assignment to the assignee too, with ticket.assigned', async () => {
    const ticketA = await newTicket(teamA);
    const userId = agentB.userId;
    const changed = await change(ticketA.id, { assigneeId: userId });
    const e = await heard(agentB, ticketA.id, changed.version);
    expect(e.data.ticket.assigneeId).toBe(userId);
    await expect
      .poll(() => agentB.assigned.find((x) => x.data.ticketId === ticketA.id)?.data, { timeout: 5000, interval: 20 })
      .toEqual({ ticketId: ticketA.id, teamId: teamA.id, assigneeId: userId, previousAssigneeId: null });
    await expect.poll(() => agentA.assigned.some((x) => x.data.ticketId === ticketA.id), { timeout: 5000 }).toBe(true);
  });

  it('moves a ticket from A to B: both hear the move, afterwards only B; /api/events filters the same way', async () => {
    const since = (await agentA.client.get<EventsPage>('/api/events?since=0')).body.latestSeq;
    const ticket = await newTicket(teamA);
    const moved = await change(ticket.id, { teamId: teamB.id });
    for (const l of [agentA, agentB, boss]) {
      const e = await heard(l, ticket.id, moved.version);
      expect(e.data.changed).toEqual(['teamId']);
      expect(e.data.ticket.teamId).toBe(teamB.id);
    }
    const later = await change(ticket.id, { priority: 'low' });
    await heard(agentB, ticket.id, later.version);
    await heard(boss, ticket.id, later.version);
    // Barrier for A: a change on one of A's tickets, after the one A must not hear.
    const other = await newTicket(teamA);
    const barrier = await change(other.id, { priority: 'high' });
    await heard(agentA, other.id, barrier.version);
    expect(heardAbout(agentA, ticket.id, later.version)).toEqual([]);

    // What a reconnecting client gets back: the same events, filtered the same way.
    const missed = async (c: Client) => {
      const res = await c.get<EventsPage>(`/api/events?since=${since}&limit=1000`);
      expect(res.status).toBe(200);
      return res.body.events
        .filter((e) => e.name === 'ticket.updated' && e.data.ticketId === ticket.id)
        .map((e) => (e.data as { version: number }).version);
    };
    const forA = await missed(agentA.client);
    const forB = await missed(agentB.client);
    expect(forA).toContain(moved.version);
    expect(forA).not.toContain(later.version);
    expect(forB).toEqual(expect.arrayContaining([moved.version, later.version]));
    expect(await missed(boss.client)).toEqual(expect.arrayContaining([moved.version, later.version]));
  });

  it('announces both sides of a merge and bulk changes per ticket', async () => {
    const from = await newTicket(teamA);
    const into = await newTicket(teamA);
    const res = await admin.post<Ticket>(`/api/tickets/${from.id}/merge`, { intoTicketId: into.id });
    expect(res.status).toBe(200);
    const closed = await heard(agentA, from.id, from.version + 1);
    expect(closed.data.ticket).toMatchObject({ status: 'closed', mergedIntoId: into.id });
    await heard(agentA, into.id, into.version + 1);

    const x = await newTicket(teamA);
    const y = await newTicket(teamA);
    const bulk = await admin.post('/api/tickets/bulk', { ids: [x.id, y.id], action: { priority: 'high' } });
    expect(bulk.status).toBe(200);
    for (const tk of [x, y]) {
      const e = await heard(agentA, tk.id, tk.version + 1);
      expect(e.data.ticket.priority).toBe('high');
      expect(e.data.changed).toEqual(['priority']);
    }
  });
});
