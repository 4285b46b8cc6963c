import {
  BULK_MAX,
  type Tag,
  type Team,
  type Ticket,
  type TicketCounts,
  type TicketDetail,
  type ThreadItem,
} from '@dengar/contracts';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TicketJobsRepository } from '../src/modules/ticket-jobs/ticket-jobs.repository.js';
import { listIdsSql } from '../src/modules/ticket/ticket-query.js';
import type { Client } from './support/client.js';
import { createTeam, createUser, defaultTeam } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { deliver, item, webhookSource } from './support/webhook.js';

type Page<T> = { items: T[]; nextCursor: string | null };
type User = Awaited<ReturnType<typeof createUser>>;

let t: TestApp;
let admin: Client;
let general: Team;
let teamA: Team;
let teamB: Team;
let source: { id: string; secret: string };
let agentA: User;
let agentA2: User;
let agentB: User;
let agentAB: User;
let marketingA: User;
let manager: User;
let outcomeTag: Tag;
let topicTag: Tag;
let seq = 0;

/** Tickets through the real ingestion: one webhook mention per ticket, each by its own author (they land in General). */
async function newTickets(
  n: number,
  opts: { text?: (i: number) => string; postedAt?: (i: number) => string; author?: (i: number) => string } = {},
): Promise<Ticket[]> {
  const items = Array.from({ length: n }, (_, i) => {
    seq += 1;
    return item(
      `ext-${seq}`,
      opts.text?.(i) ?? `Hello, my parcel ${seq} has not arrived yet, can you help?`,
      opts.author?.(i) ?? `cust-${seq}`,
      opts.postedAt ? { postedAt: opts.postedAt(i) } : {},
    );
  });
  const res = await deliver(t.client(), source.id, source.secret, { mentions: items });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  const rows = await t.db.query<{ externalId: string; ticketId: string }>(
    'SELECT external_id AS "externalId", ticket_id AS "ticketId" FROM mentions WHERE source_id = $1 AND external_id = ANY($2)',
    [source.id, items.map((i) => i.externalId)],
  );
  const byExt = new Map(rows.map((r) => [r.externalId, r.ticketId]));
  const out: Ticket[] = [];
  for (const i of items) {
    const id = byExt.get(i.externalId);
    expect(id, `no ticket for ${i.externalId}`).toBeTruthy();
    const created = await get(admin, id!);
    expect(created.teamId).toBe(general.id);
    out.push(created);
  }
  return out;
}

/** The app's error log lines, to explain a 500 in a failure message. */
const errors = () =>
  t.logs
    .filter((l) => l.includes('"level":50'))
    .slice(-3)
    .join('\n');

async function get(c: Client, id: string): Promise<TicketDetail> {
  const res = await c.get<TicketDetail>(`/api/tickets/${id}`);
  expect(res.status, `${JSON.stringify(res.body)} ${errors()}`).toBe(200);
  return res.body;
}

async function patch(c: Client, id: string, body: Record<string, unknown>, status = 200) {
  const current = await get(admin, id);
  const res = await c.patch(`/api/tickets/${id}`, { version: current.version, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res;
}

const moveTo = (ticket: Ticket, team: Team) => patch(admin, ticket.id, { teamId: team.id });

async function list(c: Client, query: string): Promise<Page<Ticket>> {
  const res = await c.get<Page<Ticket>>(`/api/tickets?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** Every page of a list, following nextCursor. */
async function all(c: Client, query: string, limit = 100): Promise<Ticket[]> {
  const out: Ticket[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 500; i++) {
    const page: Page<Ticket> = await list(
      c,
      `${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    out.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return out;
  }
  throw new Error('too many pages');
}

const ids = (ts: { id: string }[]) => ts.map((x) => x.id);

async function eventTypes(ticketId: string): Promise<string[]> {
  const rows = await t.db.query<{ type: string }>(
    'SELECT type FROM ticket_events WHERE ticket_id = $1 ORDER BY at, id',
    [ticketId],
  );
  return rows.map((r) => r.type);
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.admin();
  general = await defaultTeam(admin);
  teamA = await createTeam(admin, 'Care A');
  teamB = await createTeam(admin, 'Care B');
  source = await webhookSource(admin);
  agentA = await createUser(admin, 'agent', { teamIds: [teamA.id] });
  agentA2 = await createUser(admin, 'agent', { teamIds: [teamA.id] });
  agentB = await createUser(admin, 'agent', { teamIds: [teamB.id] });
  agentAB = await createUser(admin, 'agent', { teamIds: [teamA.id, teamB.id] });
  marketingA = await createUser(admin, 'marketing', { teamIds: [teamA.id] });
  manager = await createUser(admin, 'manager');
  const tags = await admin.get<Page<Tag>>('/api/tags?limit=100');
  outcomeTag = tags.body.items.find((g) => g.kind === 'outcome')!;
  expect(outcomeTag).toBeTruthy();
  const topic = await admin.post<Tag>('/api/tags', { name: 'shipping', kind: 'topic' });
  expect(topic.status, JSON.stringify(topic.body)).toBe(201);
  topicTag = topic.body;
}, 60_000);

afterAll(() => t?.close());

describe('the queue views and visibility', () => {
  let inA: Ticket[];
  let inB: Ticket[];
  let inGeneral: Ticket[];
  let aAssignedToB: Ticket;

  beforeAll(async () => {
    const created = await newTickets(6, { text: (i) => `Visibility check ${i} zebra${i < 3 ? 'alpha' : 'bravo'}` });
    inA = created.slice(0, 3);
    inB = created.slice(3, 5);
    inGeneral = created.slice(5);
    for (const x of inA) await moveTo(x, teamA);
    for (const x of inB) await moveTo(x, teamB);
    aAssignedToB = inA[2]!;
    await patch(admin, aAssignedToB.id, { assigneeId: agentB.user.id });
  });

  it('shows an agent their teams’ tickets, plus those assigned to them, and nothing else', async () => {
    const teamOfA = ids(await all(agentA.client, 'view=team'));
    expect(teamOfA).toEqual(expect.arrayContaining(ids(inA)));
    expect(teamOfA).not.toEqual(expect.arrayContaining([inB[0]!.id]));
    expect(teamOfA.filter((id) => [...ids(inB), ...ids(inGeneral)].includes(id))).toEqual([]);

    const teamOfB = ids(await all(agentB.client, 'view=team'));
    expect(teamOfB).toEqual(expect.arrayContaining([...ids(inB), aAssignedToB.id]));
    expect(teamOfB).not.toContain(inA[0]!.id);
    expect(teamOfB).not.toContain(inGeneral[0]!.id);

    // Several teams: the per-team merge returns both teams' tickets.
    const teamOfAB = ids(await all(agentAB.client, 'view=team'));
    expect(teamOfAB).toEqual(expect.arrayContaining([...ids(inA), ...ids(inB)]));
    expect(teamOfAB).not.toContain(inGeneral[0]!.id);
  });

  it('splits mine and unassigned', async () => {
    const unassignedA = ids(await all(agentA.client, 'view=unassigned'));
    expect(unassignedA).toEqual(expect.arrayContaining([inA[0]!.id, inA[1]!.id]));
    expect(unassignedA).not.toContain(aAssignedToB.id);
    expect(ids(await all(agentB.client, 'view=mine'))).toEqual([aAssignedToB.id]);
    expect(ids(await all(agentB.client, 'view=unassigned'))).not.toContain(aAssignedToB.id);
    // Managers: unassigned of every team.
    const unassignedManager = ids(await all(manager.client, 'view=unassigned'));
    expect(unassignedManager).toEqual(expect.arrayContaining([inA[0]!.id, inB[0]!.id, inGeneral[0]!.id]));
  });

  it('keeps the all view for managers and admins', async () => {
    expect((await agentA.client.get('/api/tickets?view=all')).status).toBe(403);
    expect((await marketingA.client.get('/api/tickets?view=all')).status).toBe(403);
    const everything = ids(await all(manager.client, 'view=all'));
    expect(everything).toEqual(expect.arrayContaining([...ids(inA), ...ids(inB), ...ids(inGeneral)]));
  });

  it('answers 404 for another team’s ticket everywhere, never 403', async () => {
    const other = inB[0]!;
    expect((await agentA.client.get(`/api/tickets/${other.id}`)).status).toBe(404);
    expect((await agentA.client.get(`/api/tickets/${other.id}/thread`)).status).toBe(404);
    expect(
      (await agentA.client.patch(`/api/tickets/${other.id}`, { version: other.version, priority: 'high' })).status,
    ).toBe(404);
    expect((await agentA.client.post(`/api/tickets/${other.id}/merge`, { intoTicketId: inA[0]!.id })).status).toBe(404);
    const bulk = await agentA.client.post('/api/tickets/bulk', {
      ids: [inA[0]!.id, other.id],
      action: { priority: 'high' },
    });
    expect(bulk.status).toBe(404);
    expect((await get(admin, inA[0]!.id)).priority).toBe(inA[0]!.priority);
    expect((await agentA.client.get(`/api/tickets/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    // The ticket assigned to B from team A is B's to see.
    expect((await agentB.client.get(`/api/tickets/${aAssignedToB.id}`)).status).toBe(200);
  });

  it('searches by number, subject words and handle, within what the caller sees', async () => {
    const target = inB[0]!;
    expect(ids((await list(agentB.client, `view=team&q=%23${target.number}`)).items)).toEqual([target.id]);
    expect(ids((await list(agentB.client, `view=team&q=${target.number}`)).items)).toEqual([target.id]);
    expect(ids((await list(agentA.client, `view=team&q=%23${target.number}`)).items)).toEqual([]);
    const words = await list(manager.client, 'view=all&q=zebrabravo visibility');
    expect(ids(words.items).sort()).toEqual([...ids(inB), ...ids(inGeneral)].sort());
    expect(ids((await list(agentA.client, 'view=team&q=zebrabravo')).items)).toEqual([]);
    expect(ids((await list(manager.client, `view=all&q=${encodeURIComponent(target.author.handle)}`)).items)).toEqual([
      target.id,
    ]);
    // LIKE wildcards are literal.
    expect((await list(manager.client, 'view=all&q=%25')).items).toEqual([]);
    expect((await list(manager.client, 'view=all&q=_')).items).toEqual([]);
  });

  it('filters by status, team, assignee, priority, tag, source and sentiment', async () => {
    const x = inGeneral[0];
    await patch(admin, x!.id, { priority: 'urgent' });
    await admin.post('/api/tickets/bulk', { ids: [inA[1]!.id], action: { addTagIds: [topicTag.id] } });
    expect(ids((await list(manager.client, 'view=all&priority=urgent&limit=100')).items)).toContain(x!.id);
    expect(ids((await list(manager.client, 'view=all&priority=low,high&limit=100')).items)).not.toContain(x!.id);
    expect(ids((await list(manager.client, `view=all&tag=${topicTag.id}`)).items)).toEqual([inA[1]!.id]);
    expect(ids(await all(manager.client, `view=all&teamId=${teamB.id}`)).sort()).toEqual(ids(inB).sort());
    expect(ids(await all(manager.client, `view=all&assigneeId=${agentB.user.id}`))).toEqual([aAssignedToB.id]);
    expect(ids(await all(manager.client, `view=all&sourceId=${source.id}`))).toContain(inB[0]!.id);
    const label = inB[0]!.sentiment.label;
    const bySentiment = await all(manager.client, `view=all&sentiment=${label}`);
    expect(bySentiment.every((s) => s.sentiment.label === label)).toBe(true);
    expect(ids(bySentiment)).toContain(inB[0]!.id);

    await patch(admin, inB[1]!.id, { status: 'resolved' });
    expect(ids(await all(agentB.client, 'view=team'))).not.toContain(inB[1]!.id);
    expect(ids(await all(agentB.client, 'view=team&status=resolved'))).toEqual([inB[1]!.id]);
    expect((await agentB.client.get('/api/tickets?status=bogus')).status).toBe(400);
    expect((await agentB.client.get('/api/tickets?cursor=garbage')).status).toBe(400);
  });
});

describe('search (subject words or handle, one UNION branch each from 3 characters)', () => {
  // Handles are `<author>@forum.example.com`; each ticket has its own author (one author's open mentions thread).
  let bySubject: Ticket[];
  let byHandle: Ticket[];
  let byBoth: Ticket[];
  let unrelated: Ticket;

  beforeAll(async () => {
    bySubject = await newTickets(4, { text: (i) => `Need a wombatrefund for order ${i}`, author: (i) => `sub-${i}` });
    byHandle = await newTickets(3, { text: (i) => `Where is parcel ${i}?`, author: (i) => `wombatrefund-fan-${i}` });
    byBoth = await newTickets(2, { text: (i) => `wombatrefund again ${i}`, author: (i) => `wombatrefund-both-${i}` });
    unrelated = (await newTickets(1, { text: () => 'Nothing to see wombat here', author: () => 'plain-author' }))[0]!;
    // Visibility: one of each in team A, one of each in team B, the rest in General.
    for (const x of [bySubject[0]!, byHandle[0]!, byBoth[0]!]) await moveTo(x, teamA);
    for (const x of [bySubject[1]!, byHandle[1]!]) await moveTo(x, teamB);
  });

  const matching = () => ids([...bySubject, ...byHandle, ...byBoth]).sort();

  it('finds a subject word, a handle fragment (with or without @), and a ticket matching both once', async () => {
    const found = ids(await all(manager.client, 'view=all&q=wombatrefund'));
    expect(found.sort()).toEqual(matching());
    expect(ids(await all(manager.client, 'view=all&q=WombatRefund%20order')).sort()).toEqual(ids(bySubject).sort());
    expect(ids(await all(manager.client, 'view=all&q=%40wombatrefund-fan')).sort()).toEqual(ids(byHandle).sort());
    expect(ids(await all(manager.client, 'view=all&q=refund-both-1@forum'))).toEqual([byBoth[1]!.id]);
    expect(ids(await all(manager.client, 'view=all&q=wombat'))).toContain(unrelated.id);
  });

  it('answers an empty page when nothing matches', async () => {
    const res = await list(manager.client, 'view=all&q=nothingmatchesthisqq');
    expect(res).toEqual({ items: [], nextCursor: null });
    expect((await list(agentA.client, 'view=team&q=nothingmatchesthisqq')).items).toEqual([]);
  });

  it('takes % and _ literally in words and handles', async () => {
    const [literal, lookalike] = await newTickets(2, {
      text: (i) => (i === 0 ? 'Promo 50%_offqq is broken' : 'Promo 50 xoffqq is broken'),
      author: (i) => (i === 0 ? 'pct_author_qq' : 'pctxauthorxqq'),
    });
    expect(ids(await all(manager.client, 'view=all&q=50%25_offqq'))).toEqual([literal!.id]);
    expect(ids(await all(manager.client, 'view=all&q=pct_author'))).toEqual([literal!.id]);
    expect(ids(await all(manager.client, 'view=all&q=offqq')).sort()).toEqual([literal!.id, lookalike!.id].sort());
    for (const q of ['%25%25%25', '___', '%25_%25'])
      expect((await list(manager.client, `view=all&q=${q}`)).items).toEqual([]);
  });

  it('stays within what the caller sees, in every view', async () => {
    const visibleTo = (teams: Team[]) =>
      [...bySubject, ...byHandle, ...byBoth].filter((x) => teams.some((team) => team.id === x.teamId)).map((x) => x.id);
    // Ticket objects are from before the moves: read the teams again.
    for (const x of [...bySubject, ...byHandle, ...byBoth]) x.teamId = (await get(admin, x.id)).teamId;
    expect(ids(await all(agentA.client, 'view=team&q=wombatrefund')).sort()).toEqual(visibleTo([teamA]).sort());
    expect(ids(await all(agentB.client, 'view=team&q=wombatrefund')).sort()).toEqual(visibleTo([teamB]).sort());
    expect(ids(await all(agentAB.client, 'view=team&q=wombatrefund')).sort()).toEqual(visibleTo([teamA, teamB]).sort());
    expect(ids(await all(agentA.client, 'view=unassigned&q=wombatrefund')).sort()).toEqual(visibleTo([teamA]).sort());
    expect(ids(await all(agentA.client, `view=team&teamId=${teamB.id}&q=wombatrefund`))).toEqual([]);
    // Assigned to agent B from team A: B sees it (team and mine views), A still does.
    await patch(admin, byHandle[0]!.id, { assigneeId: agentB.user.id });
    expect(ids(await all(agentB.client, 'view=team&q=wombatrefund'))).toContain(byHandle[0]!.id);
    expect(ids(await all(agentB.client, 'view=mine&q=wombatrefund'))).toEqual([byHandle[0]!.id]);
    expect(ids(await all(agentA.client, 'view=team&q=wombatrefund'))).toContain(byHandle[0]!.id);
  });

  it.each(['lastActivityAt', 'priority', 'slaDue'])(
    'pages through a search sorted by %s with a cursor: each ticket once, in order',
    async (sort) => {
      const whole = await all(manager.client, `view=all&sort=${sort}&q=wombatrefund`, 100);
      const paged = await all(manager.client, `view=all&sort=${sort}&q=wombatrefund`, 2);
      expect(ids(paged)).toEqual(ids(whole));
      expect(new Set(ids(paged)).size).toBe(paged.length);
      expect(ids(paged).sort()).toEqual(matching());
      // Two teams and General for an agent in A and B: the per-team branches merge across pages too.
      const agentPaged = await all(agentAB.client, `view=team&sort=${sort}&q=wombatrefund`, 1);
      const agentWhole = await all(agentAB.client, `view=team&sort=${sort}&q=wombatrefund`, 100);
      expect(ids(agentPaged)).toEqual(ids(agentWhole));
      expect(new Set(ids(agentPaged)).size).toBe(agentPaged.length);
    },
  );

  it('searches tickets outside the active statuses when the status filter asks for them', async () => {
    const [done, doneByHandle] = [bySubject[3]!, byBoth[1]!];
    await patch(admin, done.id, { status: 'resolved' });
    await patch(admin, doneByHandle.id, { status: 'resolved' });
    const active = ids(await all(manager.client, 'view=all&q=wombatrefund'));
    expect(active).not.toContain(done.id);
    expect(active).not.toContain(doneByHandle.id);
    expect(ids(await all(manager.client, 'view=all&status=resolved&q=wombatrefund')).sort()).toEqual(
      [done.id, doneByHandle.id].sort(),
    );
    expect(ids(await all(manager.client, 'view=all&status=new,open,resolved&q=wombatrefund')).sort()).toEqual(
      matching(),
    );
  });
});

/** The list sorts and their order in plain SQL, apart from the queue's own expressions. */
const SORT_ORDERS = [
  ['lastActivityAt', 't.last_activity_at DESC, t.id DESC'],
  [
    'priority',
    `(CASE priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END) DESC, last_activity_at DESC, id DESC`,
  ],
  ['slaDue', 'first_response_due_at ASC NULLS LAST, id ASC'],
] as const;
const UUID0 = '00000000-0000-0000-0000-000000000000';

describe('sorting and keyset pages', () => {
  let team: Team;
  let agent: User;
  let tickets: Ticket[];

  beforeAll(async () => {
    team = await createTeam(admin, 'Sorting');
    agent = await createUser(admin, 'agent', { teamIds: [team.id, teamA.id] });
    tickets = await newTickets(13, {
      // Some share a posting time, to exercise the id tie-break.
      postedAt: (i) => new Date(Date.UTC(2030, 0, 1, 0, Math.floor(i / 2))).toISOString(),
    });
    const prios = ['urgent', 'low', 'high', 'normal'] as const;
    for (const [i, x] of tickets.entries()) {
      await patch(admin, x.id, { teamId: team.id, priority: prios[i % 4] });
    }
    // Three tickets within one millisecond: only a microsecond-exact cursor pages through them.
    await t.db.query(
      `UPDATE tickets SET last_activity_at = '2031-01-01T00:00:00.000100Z'::timestamptz + (n * interval '100 microseconds')
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM tickets WHERE id = ANY($1)) x WHERE tickets.id = x.id`,
      [ids(tickets.slice(0, 3))],
    );
    // And SLA due times with a null among them.
    await t.db.query('UPDATE tickets SET first_response_due_at = NULL WHERE id = $1', [tickets[5]!.id]);
  });

  const expected = async (order: string) =>
    (
      await t.db.query<{ id: string }>(
        `SELECT id FROM tickets t WHERE team_id = $1 AND status IN ('new', 'open', 'pending') ORDER BY ${order}`,
        [team.id],
      )
    ).map((r) => r.id);

  it.each(SORT_ORDERS)('pages by %s without duplicates or gaps', async (sort, order) => {
    const want = await expected(order);
    expect(want.length).toBe(13);
    for (const limit of [1, 2, 5]) {
      const got = ids(await all(admin, `view=all&teamId=${team.id}&sort=${sort}`, limit));
      expect(got).toEqual(want);
    }
    // The per-team merges (the agent's two teams; every team for a manager) in the same order for these tickets.
    for (const [c, view, limits] of [
      [agent.client, 'team', [1, 4]],
      [admin, 'all', [7]],
    ] as const) {
      for (const limit of limits) {
        const got = ids(await all(c, `view=${view}&sort=${sort}`, limit)).filter((id) => want.includes(id));
        expect(got).toEqual(want);
      }
    }
  });

  it.each(SORT_ORDERS)(
    'merges two teams and a ticket assigned in a third by %s, through ties and missing due times',
    async (sort, order) => {
      const [x, y, z] = [
        await createTeam(admin, `Ties X ${sort}`),
        await createTeam(admin, `Ties Y ${sort}`),
        await createTeam(admin, `Ties Z ${sort}`),
      ];
      const two = await createUser(admin, 'agent', { teamIds: [x.id, y.id] });
      const created = await newTickets(11);
      const inX = created.slice(0, 4);
      const inY = created.slice(4, 8);
      const inZ = created.slice(8);
      for (const [team, tickets] of [
        [x, inX],
        [y, inY],
        [z, inZ],
      ] as const) {
        for (const ticket of tickets) await moveTo(ticket, team);
      }
      // Assigned to the agent: one in the third team (seen only through the assignment), one in a team of theirs.
      await patch(admin, inZ[0]!.id, { assigneeId: two.user.id });
      await patch(admin, inX[1]!.id, { assigneeId: two.user.id });
      // Equal priorities, activity times and due times across the teams, and tickets without a due time in each.
      await t.db.query(
        `UPDATE tickets t SET priority = (ARRAY['high', 'high', 'low'])[v.n % 3 + 1],
           last_activity_at = timestamptz '2032-01-01T00:00:00Z' + (v.n % 2) * interval '1 hour',
           first_response_due_at = CASE WHEN v.n % 3 = 0 THEN NULL
             ELSE timestamptz '2032-02-01T00:00:00Z' + (v.n % 2) * interval '1 hour' END
         FROM unnest($1::uuid[]) WITH ORDINALITY AS v(id, n) WHERE t.id = v.id`,
        [ids(created)],
      );
      const want = async (where: string, params: unknown[]) =>
        (
          await t.db.query<{ id: string }>(
            `SELECT id FROM tickets t WHERE (${where}) AND status IN ('new', 'open', 'pending') ORDER BY ${order}`,
            params,
          )
        ).map((r) => r.id);
      const team = await want('team_id = ANY($1) OR assignee_id = $2', [[x.id, y.id], two.user.id]);
      expect(team.length).toBe(9);
      expect(team).toContain(inZ[0]!.id);
      const unassigned = await want('team_id = ANY($1) AND assignee_id IS NULL', [[x.id, y.id]]);
      expect(unassigned.length).toBe(7);
      const mine = await want('assignee_id = $1', [two.user.id]);
      expect(mine.length).toBe(2);
      const everyone = await want('id = ANY($1)', [ids(created)]);
      for (const limit of [1, 2, 3, 5]) {
        expect(ids(await all(two.client, `view=team&sort=${sort}`, limit))).toEqual(team);
        expect(ids(await all(two.client, `view=unassigned&sort=${sort}`, limit))).toEqual(unassigned);
        expect(ids(await all(two.client, `view=mine&sort=${sort}`, limit))).toEqual(mine);
      }
      const ours = (ts: Ticket[]) => ids(ts).filter((id) => everyone.includes(id));
      expect(ours(await all(manager.client, `view=team&sort=${sort}`, 3))).toEqual(everyone);
      expect(ours(await all(manager.client, `view=all&sort=${sort}`, 4))).toEqual(everyone);
      // A non-default status filter takes the same path (without the partial indexes) and stays right.
      const withClosed = await t.db.query<{ id: string }>(
        `SELECT id FROM tickets t WHERE (team_id = ANY($1) OR assignee_id = $2)
           AND status IN ('new', 'open', 'pending', 'resolved') ORDER BY ${order}`,
        [[x.id, y.id], two.user.id],
      );
      expect(ids(await all(two.client, `view=team&sort=${sort}&status=new,open,pending,resolved`, 2))).toEqual(
        withClosed.map((r) => r.id),
      );
    },
  );

  it.each(SORT_ORDERS)(
    'reads the %s sort from its indexes, per team and per assignee, cursor included',
    async (sort) => {
      const index = { lastActivityAt: '', priority: 'priority_', slaDue: 'sla_' }[sort];
      const cursor = { lastActivityAt: ['0', UUID0], priority: [2, '0', UUID0], slaDue: ['', UUID0] }[sort];
      const plan = await t.app.get(DataSource).transaction(async (em) => {
        // A test database is tiny: without these the planner rightly reads the table instead.
        await em.query('SET LOCAL enable_seqscan = off');
        await em.query('SET LOCAL enable_bitmapscan = off');
        const q = listIdsSql({ view: 'team', sort }, { userId: agent.user.id, role: 'agent' }, false, cursor, 51);
        const rows = await em.query<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${q.sql}`, q.params);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      // Each branch's LIMIT reads its index in order (no sort in between), the keyset bounding the scan.
      for (const by of ['team', 'assignee']) {
        expect(plan).toMatch(
          new RegExp(
            `Limit .*\\n\\s*->  Index Scan (Backward )?using tickets_${by}_${index}active_idx .*\\n\\s*Index Cond: .*ROW\\(`,
          ),
        );
      }
    },
  );

  it('clamps limits above 100 and refuses 0', async () => {
    expect((await admin.get('/api/tickets?limit=0')).status).toBe(400);
    expect((await admin.get('/api/tickets?limit=1000')).status).toBe(200);
  });
});

describe('counts', () => {
  const real = async (userId: string, role: string): Promise<TicketCounts> => {
    const manager = role === 'admin' || role === 'manager';
    const active = `status IN ('new', 'open', 'pending')`;
    const my = `team_id IN (SELECT team_id FROM team_members WHERE user_id = $1)`;
    const [row] = await t.db.query<TicketCounts & { all: number }>(
      `SELECT
         count(*) FILTER (WHERE assignee_id = $1)::int AS mine,
         count(*) FILTER (WHERE assignee_id IS NULL AND ${manager ? 'TRUE' : my})::int AS unassigned,
         count(*) FILTER (WHERE ${manager ? 'TRUE' : `assignee_id = $1 OR ${my}`})::int AS team,
         count(*)::int AS "all"
       FROM tickets WHERE ${active}`,
      [userId],
    );
    return manager ? row! : { mine: row!.mine, unassigned: row!.unassigned, team: row!.team };
  };

  const check = async (u: { client: Client; user: { id: string; role: string } }) => {
    const res = await u.client.get<TicketCounts>('/api/tickets/counts');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(await real(u.user.id, u.user.role));
  };
  const everyone = () => [agentA, agentB, agentAB, marketingA, manager];

  it('match the real numbers through creates, claims, resolves and team moves', async () => {
    for (const u of everyone()) await check(u);
    const [a, b, c] = await newTickets(3);
    for (const u of everyone()) await check(u);
    await moveTo(a!, teamA);
    await moveTo(b!, teamA);
    await moveTo(c!, teamB);
    for (const u of everyone()) await check(u);
    await patch(agentA.client, a!.id, { assigneeId: agentA.user.id });
    await patch(admin, c!.id, { assigneeId: agentA.user.id });
    for (const u of everyone()) await check(u);
    await patch(agentA.client, a!.id, { status: 'resolved' });
    await patch(admin, b!.id, { teamId: teamB.id });
    for (const u of everyone()) await check(u);
    const counts = (await agentA.client.get<TicketCounts>('/api/tickets/counts')).body;
    expect(counts.all).toBeUndefined();
    expect(counts.mine).toBeGreaterThanOrEqual(1);
  });

  it('stay exact when the appended counter rows are folded, one row per key afterwards', async () => {
    await newTickets(2);
    const keys = `SELECT count(*)::int AS rows, count(DISTINCT (team_id, assignee_key, status))::int AS keys
      FROM ticket_counters`;
    // (The timer job folds too, every 15 s; either way the table ends with one row per key.)
    await t.app.get(TicketJobsRepository).foldCounters(t.app.get(DataSource));
    const [after] = await t.db.query<{ rows: number; keys: number }>(keys);
    expect(after!.rows).toBe(after!.keys);
    for (const u of everyone()) await check(u);
  });
});

describe('PATCH /api/tickets/:id', () => {
  let ticket: Ticket;
  beforeAll(async () => {
    ticket = (await newTickets(1))[0]!;
    await moveTo(ticket, teamA);
  });

  it('refuses a transition outside the table, naming from and to', async () => {
    const res = await patch(agentA.client, ticket.id, { status: 'pending' }, 422);
    expect(res.body.message).toMatch(/new.*pending/);
  });

  it('answers 409 with the current ticket for a stale version, whatever else is wrong', async () => {
    const current = await get(admin, ticket.id);
    await patch(admin, ticket.id, { priority: 'high' });
    const res = await agentA.client.patch<{ details: { current: Ticket } }>(`/api/tickets/${ticket.id}`, {
      version: current.version,
      status: 'closed',
      teamId: teamB.id,
    });
    expect(res.status).toBe(409);
    expect(res.body.details.current.version).toBe(current.version + 1);
    expect(res.body.details.current.priority).toBe('high');
    expect(res.body.details.current.author.handle).toBeTruthy();
  });

  it('lets an agent claim (new → open) and unassign themselves, and nothing more', async () => {
    await patch(agentA.client, ticket.id, { assigneeId: agentA2.user.id }, 403);
    await patch(agentA.client, ticket.id, { teamId: teamB.id }, 403);
    const claimed = await patch(agentA.client, ticket.id, { assigneeId: agentA.user.id });
    expect(claimed.body).toMatchObject({ assigneeId: agentA.user.id, status: 'open' });
    await patch(agentA2.client, ticket.id, { assigneeId: agentA2.user.id }, 403);
    await patch(agentA2.client, ticket.id, { assigneeId: null }, 403);
    const released = await patch(agentA.client, ticket.id, { assigneeId: null });
    expect(released.body.assigneeId).toBeNull();
    expect(await eventTypes(ticket.id)).toEqual(expect.arrayContaining(['assigned', 'status_changed', 'routed']));
    const assigned = await t.db.query<{ data: { assigneeId: string | null; previousAssigneeId: string | null } }>(
      `SELECT data FROM ticket_events WHERE ticket_id = $1 AND type = 'assigned' ORDER BY at`,
      [ticket.id],
    );
    expect(assigned.map((a) => a.data)).toEqual([
      { assigneeId: agentA.user.id, previousAssigneeId: null },
      { assigneeId: null, previousAssigneeId: agentA.user.id },
    ]);
  });

  it('lets managers assign active users only, and move tickets to existing teams only', async () => {
    const gone = await createUser(admin, 'agent');
    expect((await admin.patch(`/api/users/${gone.user.id}`, { active: false })).status).toBe(200);
    const bad = await patch(manager.client, ticket.id, { assigneeId: gone.user.id }, 400);
    expect(JSON.stringify(bad.body)).toContain('assigneeId');
    const noTeam = await patch(manager.client, ticket.id, { teamId: '00000000-0000-4000-8000-000000000000' }, 400);
    expect(JSON.stringify(noTeam.body)).toContain('teamId');
    const res = await patch(manager.client, ticket.id, { assigneeId: agentA2.user.id });
    expect(res.body.assigneeId).toBe(agentA2.user.id);
    const notes = await t.db.query<{ kind: string; actorId: string }>(
      'SELECT kind, actor_id AS "actorId" FROM notifications WHERE user_id = $1 AND ticket_id = $2',
      [agentA2.user.id, ticket.id],
    );
    expect(notes).toEqual([{ kind: 'assigned', actorId: manager.user.id }]);
    // Claiming for oneself notifies nobody.
    const [mine] = await newTickets(1);
    await moveTo(mine!, teamA);
    await patch(agentA.client, mine!.id, { assigneeId: agentA.user.id });
    expect(await t.db.query('SELECT 1 FROM notifications WHERE ticket_id = $1', [mine!.id])).toEqual([]);
  });

  it('snoozes only until a time in the future', async () => {
    const bad = await patch(agentA2.client, ticket.id, { status: 'snoozed' }, 400);
    expect(JSON.stringify(bad.body)).toContain('snoozedUntil');
    await patch(
      agentA2.client,
      ticket.id,
      { status: 'snoozed', snoozedUntil: new Date(Date.now() - 1000).toISOString() },
      400,
    );
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const res = await patch(agentA2.client, ticket.id, { status: 'snoozed', snoozedUntil: until });
    expect(res.body).toMatchObject({ status: 'snoozed', snoozedUntil: until });
    const woke = await patch(agentA2.client, ticket.id, { status: 'open' });
    expect(woke.body).toMatchObject({ status: 'open', snoozedUntil: null });
  });

  it('requires an outcome tag to resolve when the workspace says so', async () => {
    const setRequire = (on: boolean) =>
      t.db.query(
        `INSERT INTO workspace_settings (id, timezone, require_outcome_tag, sla_targets)
         VALUES (1, 'UTC', $1, '{"urgent":15,"high":60,"normal":240,"low":1440}')
         ON CONFLICT (id) DO UPDATE SET require_outcome_tag = $1`,
        [on],
      );
    await setRequire(true);
    try {
      const res = await patch(agentA2.client, ticket.id, { status: 'resolved' }, 422);
      expect(res.body.message).toBe('an outcome tag is required to resolve');
      expect(res.body.details).toEqual({ missingTagKind: 'outcome' });
      // Resolving and tagging in one bulk action counts the new tag.
      const bulk = await agentA2.client.post('/api/tickets/bulk', {
        ids: [ticket.id],
        action: { status: 'resolved', addTagIds: [outcomeTag.id] },
      });
      expect(bulk.status, JSON.stringify(bulk.body)).toBe(200);
      expect((await get(admin, ticket.id)).status).toBe('resolved');
    } finally {
      await setRequire(false);
    }
    expect((await get(admin, ticket.id)).resolvedAt).toBeTruthy();
  });

  it('closes a resolved ticket by managers only; closed is final', async () => {
    await patch(agentA2.client, ticket.id, { status: 'closed' }, 403);
    const closed = await patch(manager.client, ticket.id, { status: 'closed' });
    expect(closed.body.closedAt).toBeTruthy();
    await patch(manager.client, ticket.id, { status: 'open' }, 422);
  });

  it('recomputes the first-response due time on a priority change before the first response', async () => {
    const [x] = await newTickets(1);
    const res = await patch(admin, x!.id, { priority: 'urgent' });
    const due = new Date(res.body.firstResponseDueAt).getTime();
    expect(due - new Date(x!.createdAt).getTime()).toBe(15 * 60_000);
    expect(res.body.version).toBe(x!.version + 1);
    expect(await eventTypes(x!.id)).toContain('priority_changed');
  });

  it('refuses unknown fields and a missing version with 400', async () => {
    expect((await admin.patch(`/api/tickets/${ticket.id}`, { priority: 'high' })).status).toBe(400);
    expect((await admin.patch(`/api/tickets/${ticket.id}`, { version: 1, bogus: 1 })).status).toBe(400);
  });
});

describe('two agents claiming one ticket at once', () => {
  it('lets exactly one win; the other gets 409, or 403 after re-reading', async () => {
    const created = await newTickets(4);
    for (const x of created) {
      await moveTo(x, teamA);
      const { version } = await get(admin, x.id);
      const [r1, r2] = await Promise.all([
        agentA.client.patch<Ticket>(`/api/tickets/${x.id}`, { version, assigneeId: agentA.user.id }),
        agentA2.client.patch<Ticket>(`/api/tickets/${x.id}`, { version, assigneeId: agentA2.user.id }),
      ]);
      expect([r1.status, r2.status].sort()).toEqual([200, 409]);
      const winner = r1.status === 200 ? agentA : agentA2;
      const loser = r1.status === 200 ? agentA2 : agentA;
      const now = await get(admin, x.id);
      expect(now.assigneeId).toBe(winner.user.id);
      expect(now.version).toBe(version + 1);
      const retry = await loser.client.patch(`/api/tickets/${x.id}`, {
        version: now.version,
        assigneeId: loser.user.id,
      });
      expect(retry.status).toBe(403);
      const assigned = await t.db.query(`SELECT 1 FROM ticket_events WHERE ticket_id = $1 AND type = 'assigned'`, [
        x.id,
      ]);
      expect(assigned).toHaveLength(1);
    }
  });
});

describe('detail and thread', () => {
  let ticket: TicketDetail;
  beforeAll(async () => {
    const author = `thread-author-${Date.now()}`;
    const first = item(`thr-1-${author}`, 'First post: my order is late', author);
    const second = item(`thr-2-${author}`, 'Second post: still waiting', author, {
      inReplyToExternalId: first.externalId,
      postedAt: new Date(Date.now() + 1000).toISOString(),
    });
    await deliver(t.client(), source.id, source.secret, { mentions: [first] });
    const [row] = await t.db.query<{ id: string }>('SELECT ticket_id AS id FROM mentions WHERE external_id = $1', [
      first.externalId,
    ]);
    ticket = await get(admin, row!.id);
    await moveTo(ticket, teamA);
    await deliver(t.client(), source.id, source.secret, { mentions: [second] });
    // An earlier ticket of the same author, closed, in team A; and one in team B an agent of A may not see.
    const earlier = await newTickets(2);
    await t.db.query("UPDATE tickets SET author_id = $1, created_at = now() - interval '3 days' WHERE id = ANY($2)", [
      ticket.authorId,
      ids(earlier),
    ]);
    await moveTo(earlier[0]!, teamA);
    await moveTo(earlier[1]!, teamB);
    const mentionId = ticket.mentions[0]!.id;
    await t.db.query(
      `INSERT INTO replies (ticket_id, author_id, body, in_reply_to_mention_id, status, idempotency_key)
       VALUES ($1, $2, 'Sorry! Checking now.', $3, 'manual', 'idem-' || gen_random_uuid())`,
      [ticket.id, agentA.user.id, mentionId],
    );
    await t.db.query(`INSERT INTO notes (ticket_id, author_id, body) VALUES ($1, $2, 'internal: courier issue')`, [
      ticket.id,
      agentA.user.id,
    ]);
    // More events than the detail shows: the thread pages back through the rest.
    await t.db.query(
      `INSERT INTO ticket_events (ticket_id, type, data, at)
       SELECT $1, 'mention_edited', jsonb_build_object('n', g), now() - interval '2 days' + g * interval '1 second'
       FROM generate_series(1, 230) g`,
      [ticket.id],
    );
  });

  it('holds mentions, replies, notes and events (oldest first), author card, SLA and reply limit', async () => {
    const d = await get(agentA.client, ticket.id);
    expect(d.mentions.map((m) => m.text)).toEqual(['First post: my order is late', 'Second post: still waiting']);
    expect(d.replies).toHaveLength(1);
    expect(d.replies[0]).toMatchObject({
      status: 'manual',
      manualText: 'Sorry! Checking now.',
      postUrl: d.mentions[0]!.url,
      authorId: agentA.user.id,
    });
    expect(d.notes.map((n) => n.body)).toEqual(['internal: courier issue']);
    expect(d.events).toHaveLength(200);
    const times = d.events.map((e) => e.at);
    expect([...times].sort()).toEqual(times);
    expect(d.threadCursor).toBeTruthy();
    expect(d.authorCard.id).toBe(ticket.authorId);
    expect(d.authorCard.earlierTickets).toHaveLength(1);
    expect(d.sla.state).toBe('due');
    expect(d.sla.dueAt).toBe(d.firstResponseDueAt);
    expect(d.replyLimit).toBeNull();
    // A manager sees both earlier tickets.
    expect((await get(manager.client, ticket.id)).authorCard.earlierTickets).toHaveLength(2);
  });

  it('pages the rest of the thread back, newest first, without repeats', async () => {
    const d = await get(agentA.client, ticket.id);
    const total = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ticket_events WHERE ticket_id = $1`, [
      ticket.id,
    ]);
    const seen: ThreadItem[] = [];
    let cursor = d.threadCursor;
    for (let i = 0; cursor && i < 50; i++) {
      const res = await agentA.client.get<Page<ThreadItem>>(
        `/api/tickets/${ticket.id}/thread?limit=7&cursor=${encodeURIComponent(cursor)}`,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
    }
    expect(cursor).toBeNull();
    const older = seen.filter((s) => s.kind === 'event');
    expect(older.length + d.events.length).toBe(total[0]!.n);
    const shown = new Set(d.events.map((e) => e.id));
    expect(older.filter((s) => s.kind === 'event' && shown.has(s.event.id))).toEqual([]);
    const at = seen.map((s) => s.at);
    expect([...at].sort().reverse()).toEqual(at);

    // From the top, the whole thread merged by time.
    const everything: ThreadItem[] = [];
    let c: string | null = null;
    do {
      const res: { body: Page<ThreadItem> } = await agentA.client.get<Page<ThreadItem>>(
        `/api/tickets/${ticket.id}/thread?limit=100${c ? `&cursor=${encodeURIComponent(c)}` : ''}`,
      );
      everything.push(...res.body.items);
      c = res.body.nextCursor;
    } while (c);
    expect(everything.filter((e) => e.kind === 'mention')).toHaveLength(2);
    expect(everything.filter((e) => e.kind === 'reply')).toHaveLength(1);
    expect(everything.filter((e) => e.kind === 'note')).toHaveLength(1);
    expect(everything.filter((e) => e.kind === 'event')).toHaveLength(total[0]!.n);
    expect((await agentA.client.get(`/api/tickets/${ticket.id}/thread?cursor=bad`)).status).toBe(400);
    expect((await agentB.client.get(`/api/tickets/${ticket.id}/thread`)).status).toBe(404);
  });
});

describe('merge', () => {
  it('moves the thread and tags to the target and closes the merged ticket', async () => {
    const [from, into] = await newTickets(2);
    await moveTo(from!, teamA);
    await moveTo(into!, teamA);
    await admin.post('/api/tickets/bulk', { ids: [from!.id], action: { addTagIds: [topicTag.id, outcomeTag.id] } });
    await admin.post('/api/tickets/bulk', { ids: [into!.id], action: { addTagIds: [topicTag.id] } });
    await t.db.query(`INSERT INTO notes (ticket_id, author_id, body) VALUES ($1, $2, 'moved note')`, [
      from!.id,
      agentA.user.id,
    ]);

    expect((await agentB.client.post(`/api/tickets/${from!.id}/merge`, { intoTicketId: into!.id })).status).toBe(404);
    expect((await agentA.client.post(`/api/tickets/${from!.id}/merge`, { intoTicketId: from!.id })).status).toBe(422);
    const res = await agentA.client.post<Ticket>(`/api/tickets/${from!.id}/merge`, { intoTicketId: into!.id });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.id).toBe(into!.id);
    expect(res.body.mentionCount).toBe(2);
    expect(res.body.tags.map((g) => g.id).sort()).toEqual([topicTag.id, outcomeTag.id].sort());

    const merged = await get(admin, from!.id);
    expect(merged).toMatchObject({ status: 'closed', mergedIntoId: into!.id, tags: [] });
    const target = await get(admin, into!.id);
    expect(target.mentions).toHaveLength(2);
    expect(target.notes.map((n) => n.body)).toEqual(['moved note']);
    const mergedEvents = await t.db.query<{ ticketId: string; data: Record<string, string> }>(
      `SELECT ticket_id AS "ticketId", data FROM ticket_events WHERE type = 'merged' AND ticket_id = ANY($1)`,
      [[from!.id, into!.id]],
    );
    expect(mergedEvents).toEqual(
      expect.arrayContaining([
        { ticketId: from!.id, data: { intoTicketId: into!.id } },
        { ticketId: into!.id, data: { fromTicketId: from!.id } },
      ]),
    );
    // Neither side may be merged again.
    const again = await agentA.client.post(`/api/tickets/${from!.id}/merge`, { intoTicketId: into!.id });
    expect(again.status).toBe(422);
    const back = await agentA.client.post(`/api/tickets/${into!.id}/merge`, { intoTicketId: from!.id });
    expect(back.status).toBe(422);
  });
});

describe('bulk', () => {
  let tickets: Ticket[];
  beforeAll(async () => {
    tickets = await newTickets(4, { text: (i) => `Bulk candidate ${i} quokka` });
    for (const x of tickets) await moveTo(x, teamB);
  });

  it('applies an action to tickets by id, with events per ticket', async () => {
    const res = await agentB.client.post('/api/tickets/bulk', {
      ids: ids(tickets.slice(0, 2)),
      action: { priority: 'high', addTagIds: [topicTag.id] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.updated).toBe(2);
    expect([...res.body.ids].sort()).toEqual(ids(tickets.slice(0, 2)).sort());
    for (const x of tickets.slice(0, 2)) {
      const now = await get(admin, x.id);
      expect(now.priority).toBe('high');
      expect(now.tags.map((g) => g.id)).toEqual([topicTag.id]);
      expect(await eventTypes(x.id)).toEqual(expect.arrayContaining(['priority_changed', 'tagged']));
    }
    const removed = await agentB.client.post('/api/tickets/bulk', {
      ids: ids(tickets.slice(0, 1)),
      action: { removeTagIds: [topicTag.id] },
    });
    expect(removed.body.updated).toBe(1);
    expect(await eventTypes(tickets[0]!.id)).toContain('untagged');
  });

  it('writes nothing when one ticket breaks a rule, listing it', async () => {
    const [free, taken] = tickets.slice(2);
    await patch(admin, taken!.id, { assigneeId: agentAB.user.id });
    const before = await Promise.all([get(admin, free!.id), get(admin, taken!.id)]);
    const res = await agentB.client.post<{ details: { failures: { id: string; reason: string }[] } }>(
      '/api/tickets/bulk',
      { ids: [free!.id, taken!.id], action: { assigneeId: agentB.user.id } },
    );
    expect(res.status).toBe(422);
    expect(res.body.details.failures.map((f) => f.id)).toEqual([taken!.id]);
    const after = await Promise.all([get(admin, free!.id), get(admin, taken!.id)]);
    expect(after.map((a) => [a.version, a.assigneeId])).toEqual(before.map((b) => [b.version, b.assigneeId]));
    // Agents assign only themselves; teams move by managers; marketing leaves outcome tags alone.
    expect(
      (await agentB.client.post('/api/tickets/bulk', { ids: [free!.id], action: { assigneeId: agentAB.user.id } }))
        .status,
    ).toBe(403);
    expect(
      (await agentB.client.post('/api/tickets/bulk', { ids: [free!.id], action: { teamId: teamA.id } })).status,
    ).toBe(403);
    const [forMarketing] = await newTickets(1);
    await moveTo(forMarketing!, teamA);
    expect(
      (
        await marketingA.client.post('/api/tickets/bulk', {
          ids: [forMarketing!.id],
          action: { addTagIds: [outcomeTag.id] },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await marketingA.client.post('/api/tickets/bulk', {
          ids: [forMarketing!.id],
          action: { addTagIds: [topicTag.id] },
        })
      ).status,
    ).toBe(200);
    expect((await admin.post('/api/tickets/bulk', { action: { priority: 'low' } })).status).toBe(400);
    expect((await admin.post('/api/tickets/bulk', { ids: [free!.id], action: {} })).status).toBe(400);
  });

  it('works on every visible ticket matching a filter', async () => {
    const matching = await all(agentB.client, 'view=team&q=quokka');
    expect(ids(matching).sort()).toEqual(ids(tickets).sort());
    // A ticket matching the words that agent B may not see stays untouched.
    const [hidden] = await newTickets(1, { text: () => 'Hidden quokka elsewhere' });
    await moveTo(hidden!, teamA);
    const res = await agentB.client.post('/api/tickets/bulk', {
      filter: { view: 'team', q: 'quokka' },
      action: { status: 'resolved' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect([...res.body.ids].sort()).toEqual(ids(tickets).sort());
    expect((await get(admin, hidden!.id)).status).toBe('new');
    for (const x of tickets) expect((await get(admin, x.id)).status).toBe('resolved');
    expect(
      (await agentB.client.post('/api/tickets/bulk', { filter: { view: 'all' }, action: { priority: 'low' } })).status,
    ).toBe(403);
    // Closing needs `resolved` first: the hidden ticket (new) fails, so the four resolved ones stay as they are.
    const refused = await manager.client.post('/api/tickets/bulk', {
      filter: { view: 'all', q: 'quokka', status: ['new', 'resolved'] },
      action: { status: 'closed' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.details.failures.map((f: { id: string }) => f.id)).toEqual([hidden!.id]);
    for (const x of tickets) expect((await get(admin, x.id)).status).toBe('resolved');
    const closed = await manager.client.post('/api/tickets/bulk', {
      filter: { view: 'all', q: 'quokka', status: ['resolved'] },
      action: { status: 'closed' },
    });
    expect(closed.body.updated).toBe(4);
  });

  it(`refuses a filter matching more than ${BULK_MAX} tickets, changing none`, async () => {
    const team = await createTeam(admin, 'Bulk cap');
    const [model] = await t.db.query<{ sourceId: string; authorId: string }>(
      'SELECT source_id AS "sourceId", author_id AS "authorId" FROM tickets LIMIT 1',
    );
    await t.db.query(
      `INSERT INTO tickets (team_id, source_id, author_id, subject, sentiment_label, sentiment_score, status,
         last_activity_at, resolved_at)
       SELECT $1, $2, $3, 'capped ' || g, 'neutral', 0, 'resolved', now(), now() FROM generate_series(1, $4::int) g`,
      [team.id, model!.sourceId, model!.authorId, BULK_MAX + 1],
    );
    const filter = { view: 'all', teamId: team.id, status: ['resolved'] };
    const res = await admin.post('/api/tickets/bulk', { filter, action: { priority: 'low' } });
    expect(res.status).toBe(422);
    expect(res.body.details).toEqual({ max: BULK_MAX });
    const [low] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM tickets WHERE team_id = $1 AND priority = 'low'`,
      [team.id],
    );
    expect(low!.n).toBe(0);
    await t.db.query(`DELETE FROM tickets WHERE team_id = $1 AND subject = 'capped 1'`, [team.id]);
    const ok = await admin.post('/api/tickets/bulk', { filter, action: { priority: 'low' } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.updated).toBe(BULK_MAX);
  }, 60_000);
});
