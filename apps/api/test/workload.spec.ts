import type { Team, TeamMember, Workload, WorkloadAgent } from '@dengar/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from './support/client.js';
import { createTeam, createUser } from './support/factories.js';
import type { TestApp } from './support/test-app.js';
import { deliverTicket, setAvailability, startTicketApp, teamAgent } from './support/tickets.js';

/** `GET /api/workload` and the team members' `openTickets`, against the real app and its counters. */
describe('workload', () => {
  let t: TestApp;
  let admin: Client;
  let general: Team;
  let support: Team;
  let src: { id: string; secret: string };
  let manager: Client;
  const ids: Record<'a' | 'b' | 'mkt' | 'gone', string> = { a: '', b: '', mkt: '', gone: '' };
  const clients: Partial<Record<'a' | 'mkt', Client>> = {};
  const tk: string[] = [];
  const sql = <T>(q: string, p: unknown[] = []) => t.db.query<T>(q, p);

  const patch = async (id: string, body: Record<string, unknown>) => {
    const cur = await admin.get<{ version: number }>(`/api/tickets/${id}`);
    expect(cur.status, JSON.stringify(cur.body)).toBe(200);
    const res = await admin.patch(`/api/tickets/${id}`, { version: cur.body.version, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  const at = (iso: string) => new Date(iso).toISOString();

  beforeAll(async () => {
    ({ t, admin, general, src } = await startTicketApp());
    support = await createTeam(admin, 'Support desk');
    // The admin starts in no team here: everyone listed below is one of ours.
    await sql('DELETE FROM team_members');
    const a = await teamAgent(admin, general.id, { name: 'Ana Agent', availability: 'online' });
    const b = await createUser(admin, 'agent', { teamIds: [general.id, support.id], name: 'Budi Agent' });
    await setAvailability(b.client, 'away');
    const mkt = await createUser(admin, 'marketing', { teamIds: [support.id], name: 'Citra Marketing' });
    const gone = await createUser(admin, 'agent', { teamIds: [general.id], name: 'Dewi Deactivated' });
    manager = (await createUser(admin, 'manager', { name: 'Eko Manager' })).client;
    ids.a = a.user.id;
    ids.b = b.user.id;
    ids.mkt = mkt.user.id;
    ids.gone = gone.user.id;
    clients.a = a.client;
    clients.mkt = mkt.client;

    for (let i = 0; i < 8; i++) tk.push(await deliverTicket(t, src));
    // Ana: tk0 open, tk1 snoozed, tk2 resolved (not open any more). Budi: tk3 open; tk4 closed by Budi.
    for (const i of [0, 1, 2]) await patch(tk[i]!, { assigneeId: ids.a });
    await patch(tk[1]!, { status: 'snoozed', snoozedUntil: '2099-01-01T00:00:00.000Z' });
    await patch(tk[2]!, { status: 'resolved' });
    await patch(tk[3]!, { assigneeId: ids.b });
    await patch(tk[4]!, { assigneeId: ids.b });
    await patch(tk[4]!, { status: 'resolved' });
    // The deactivated agent's ticket still counts for the team, but they are not listed.
    await patch(tk[5]!, { assigneeId: ids.gone });
    expect((await admin.patch(`/api/users/${ids.gone}`, { active: false })).status).toBe(200);
    // tk6 and tk7 stay unassigned: tk6 in General, tk7 moved to Support desk and snoozed.
    await patch(tk[7]!, { teamId: support.id });
    await patch(tk[7]!, { status: 'snoozed', snoozedUntil: '2099-01-01T00:00:00.000Z' });

    // Fixed clocks: the snoozed tk1 has waited longest of Ana's; the resolved tk2 is older still but not open.
    const times: [number, string | null, string][] = [
      [0, '2026-11-20T10:00:00Z', '2026-11-20T09:00:00Z'],
      [1, '2026-11-19T08:00:00Z', '2026-11-19T08:00:00Z'],
      [2, '2026-11-01T08:00:00Z', '2026-11-01T08:00:00Z'],
      [3, null, '2026-11-18T08:00:00Z'],
      [4, '2026-11-02T08:00:00Z', '2026-11-02T08:00:00Z'],
      [5, '2026-11-03T08:00:00Z', '2026-11-03T08:00:00Z'],
      [6, '2026-11-21T08:00:00Z', '2026-11-21T07:30:00Z'],
      [7, '2026-11-22T08:00:00Z', '2026-11-17T06:00:00Z'],
    ];
    for (const [i, waiting, created] of times) {
      await sql('UPDATE tickets SET waiting_since = $2, created_at = $3 WHERE id = $1', [tk[i], waiting, created]);
    }
  });
  afterAll(() => t?.close());

  const number = async (id: string) =>
    (await sql<{ number: number }>('SELECT number FROM tickets WHERE id = $1', [id]))[0]!.number;

  it('answers each team member’s load and each team’s unassigned queue, with exact numbers', async () => {
    const res = await manager.get<Workload>('/api/workload');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const agents = res.body.agents;
    expect(agents.map((x) => x.name)).toEqual(['Ana Agent', 'Budi Agent', 'Citra Marketing']);
    const [ana, budi, citra] = agents as [WorkloadAgent, WorkloadAgent, WorkloadAgent];
    expect(ana).toEqual({
      userId: ids.a,
      name: 'Ana Agent',
      role: 'agent',
      availability: 'online',
      capacity: 20,
      openTickets: 2,
      oldestWaitingSince: at('2026-11-19T08:00:00Z'),
      oldestWaitingTicketId: tk[1],
      oldestWaitingTicketNumber: await number(tk[1]!),
      teamIds: [general.id],
    });
    // Budi's one open ticket has nobody waiting (we spoke last); his resolved one does not count.
    expect(budi).toMatchObject({
      availability: 'away',
      openTickets: 1,
      oldestWaitingSince: null,
      oldestWaitingTicketId: null,
      oldestWaitingTicketNumber: null,
    });
    expect([...budi.teamIds].sort()).toEqual([general.id, support.id].sort());
    expect(citra).toMatchObject({ role: 'marketing', availability: 'offline', openTickets: 0, teamIds: [support.id] });

    expect(res.body.teams).toEqual([
      {
        teamId: general.id,
        name: general.name,
        assignmentMode: general.assignmentMode,
        unassigned: 1,
        oldestUnassignedSince: at('2026-11-21T07:30:00Z'),
      },
      {
        teamId: support.id,
        name: 'Support desk',
        assignmentMode: 'manual',
        unassigned: 1,
        oldestUnassignedSince: at('2026-11-17T06:00:00Z'),
      },
    ]);
  });

  it('follows changes: a reassignment moves the load and the oldest waiting ticket', async () => {
    await patch(tk[1]!, { assigneeId: ids.b });
    const res = await admin.get<Workload>('/api/workload');
    expect(res.status).toBe(200);
    const by = new Map(res.body.agents.map((x) => [x.userId, x]));
    expect(by.get(ids.a)).toMatchObject({ openTickets: 1, oldestWaitingTicketId: tk[0] });
    expect(by.get(ids.a)?.oldestWaitingSince).toBe(at('2026-11-20T10:00:00Z'));
    expect(by.get(ids.b)).toMatchObject({ openTickets: 2, oldestWaitingTicketId: tk[1] });
    await patch(tk[1]!, { assigneeId: ids.a });
  });

  it('filters by team: its members and that team only', async () => {
    const res = await manager.get<Workload>(`/api/workload?teamId=${support.id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.agents.map((x) => x.userId)).toEqual([ids.b, ids.mkt]);
    expect(res.body.teams.map((x) => [x.teamId, x.unassigned])).toEqual([[support.id, 1]]);
  });

  it('refuses agents and marketers, anonymous callers and bad team ids', async () => {
    expect((await clients.a!.get('/api/workload')).status).toBe(403);
    expect((await clients.mkt!.get('/api/workload')).status).toBe(403);
    expect((await t.client().get('/api/workload')).status).toBe(401);
    const bad = await manager.get('/api/workload?teamId=nope');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('teamId');
    expect((await manager.get('/api/workload?teamId=6f1c1d2e-1111-4a4a-8b8b-123456789abc')).status).toBe(404);
  });

  it('is documented in OpenAPI with its query and response shape', async () => {
    const doc = await t.client().get('/api/docs-json');
    expect(doc.status).toBe(200);
    const op = doc.body.paths['/api/workload']?.get;
    expect(op, 'GET /api/workload in the OpenAPI document').toBeTruthy();
    expect(JSON.stringify(op.parameters)).toContain('"teamId"');
    const schemas = JSON.stringify(doc.body.components?.schemas ?? {});
    expect(JSON.stringify(op.responses) + schemas).toContain('"oldestWaitingTicketNumber"');
    expect(JSON.stringify(doc.body.paths['/api/teams/{id}/members'].get.responses) + schemas).toContain(
      '"openTickets"',
    );
  });

  it('gives each team member their open tickets across teams', async () => {
    const res = await clients.mkt!.get<{ items: TeamMember[] }>(`/api/teams/${support.id}/members`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((m) => [m.userId, m.openTickets])).toEqual([
      [ids.b, 1],
      [ids.mkt, 0],
    ]);
    const gen = await admin.get<{ items: TeamMember[] }>(`/api/teams/${general.id}/members?limit=1`);
    expect(gen.body.items.map((m) => [m.userId, m.openTickets])).toEqual([[ids.a, 2]]);
    const added = await admin.post<TeamMember>(`/api/teams/${support.id}/members`, { userId: ids.a });
    expect(added.status).toBe(201);
    expect(added.body.openTickets).toBe(2);
  });
});
