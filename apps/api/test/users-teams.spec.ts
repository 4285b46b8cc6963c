import type { Role, Team, User } from '@dengar/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from './support/client.js';
import { createTeam, createUser, defaultTeam } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('users and teams, by role', () => {
  let t: TestApp;
  let admin: Client;
  const as: Record<Role, Client> = {} as Record<Role, Client>;
  const ids: Record<Role, string> = {} as Record<Role, string>;
  let general: Team;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.admin();
    as.admin = admin;
    ids.admin = admin.user!.id;
    general = await defaultTeam(admin);
    for (const role of ['manager', 'agent', 'marketing'] as const) {
      const u = await createUser(admin, role, { teamIds: [general.id] });
      as[role] = u.client;
      ids[role] = u.user.id;
    }
  });
  afterAll(() => t?.close());

  const everyone: Role[] = ['admin', 'manager', 'agent', 'marketing'];

  it.each(everyone)('%s may read the teams they belong to', async (role) => {
    expect((await as[role].get('/api/teams')).status).toBe(200);
    expect((await as[role].get(`/api/teams/${general.id}`)).status).toBe(200);
    expect((await as[role].get(`/api/teams/${general.id}/members`)).status).toBe(200);
  });

  it.each([
    ['admin', 200],
    ['manager', 200],
    ['agent', 403],
    ['marketing', 403],
  ] as const)('%s reading the user directory gets %i', async (role, status) => {
    expect((await as[role].get('/api/users')).status).toBe(status);
    expect((await as[role].get(`/api/users/${ids.agent}`)).status).toBe(status);
  });

  it('agents and marketers see only their own teams; another team answers 404', async () => {
    const other = await createTeam(admin, 'Not theirs');
    for (const role of ['agent', 'marketing'] as const) {
      const list = await as[role].get<{ items: Team[] }>('/api/teams');
      expect(list.body.items.map((x) => x.name)).toEqual(['General']);
      expect((await as[role].get(`/api/teams/${other.id}`)).status).toBe(404);
      expect((await as[role].get(`/api/teams/${other.id}/members`)).status).toBe(404);
    }
    for (const role of ['admin', 'manager'] as const) {
      const list = await as[role].get<{ items: Team[] }>('/api/teams?limit=100');
      expect(list.body.items.map((x) => x.name)).toContain('Not theirs');
      expect((await as[role].get(`/api/teams/${other.id}`)).status).toBe(200);
    }
  });

  it.each([
    ['admin', 201],
    ['manager', 403],
    ['agent', 403],
    ['marketing', 403],
  ] as const)('%s creating a user gets %i', async (role, status) => {
    const email = `new-${role}@test.local`;
    const res = await as[role].post('/api/users', { email, name: 'New', role: 'agent', password: 'long-enough-pw' });
    expect(res.status).toBe(status);
    const rows = await t.db.query('SELECT 1 FROM users WHERE email = $1', [email]);
    expect(rows.length).toBe(status === 201 ? 1 : 0);
    if (status === 201)
      expect(res.body).toMatchObject({ email, role: 'agent', active: true, availability: 'offline', capacity: 20 });
  });

  it.each([
    ['admin', 201],
    ['manager', 201],
    ['agent', 403],
    ['marketing', 403],
  ] as const)('%s creating a team gets %i', async (role, status) => {
    const res = await as[role].post('/api/teams', { name: `By ${role}` });
    expect(res.status).toBe(status);
    if (status === 201)
      expect(res.body).toMatchObject({
        name: `By ${role}`,
        assignmentMode: 'manual',
        isDefault: false,
        memberCount: 0,
      });
  });

  it.each(['agent', 'marketing'] as const)('%s may not change teams or memberships', async (role) => {
    const team = await createTeam(admin);
    expect((await as[role].patch(`/api/teams/${team.id}`, { name: 'Hijack' })).status).toBe(403);
    expect((await as[role].post(`/api/teams/${team.id}/members`, { userId: ids[role] })).status).toBe(403);
    expect((await as[role].delete(`/api/teams/${general.id}/members/${ids.manager}`)).status).toBe(403);
    expect((await as[role].delete(`/api/teams/${team.id}`)).status).toBe(403);
    expect((await as[role].patch(`/api/users/${ids[role]}`, { capacity: 99 })).status).toBe(403);
  });

  it('a manager manages teams and memberships, and sets capacity only', async () => {
    const m = as.manager;
    const team = await createTeam(m, 'Night shift');
    const renamed = await m.patch(`/api/teams/${team.id}`, { name: 'Late shift', assignmentMode: 'balanced' });
    expect(renamed.body).toMatchObject({ name: 'Late shift', assignmentMode: 'balanced' });
    const added = await m.post(`/api/teams/${team.id}/members`, { userId: ids.agent });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ teamId: team.id, userId: ids.agent, role: 'agent' });
    expect((await m.post(`/api/teams/${team.id}/members`, { userId: ids.agent })).status).toBe(409);
    const members = await m.get(`/api/teams/${team.id}/members`);
    expect(members.body.items.map((i: { userId: string }) => i.userId)).toEqual([ids.agent]);
    expect((await m.get(`/api/users/${ids.agent}`)).body.teamIds).toContain(team.id);
    expect((await m.delete(`/api/teams/${team.id}/members/${ids.agent}`)).status).toBe(204);
    expect((await m.delete(`/api/teams/${team.id}/members/${ids.agent}`)).status).toBe(404);

    const cap = await m.patch(`/api/users/${ids.agent}`, { capacity: 7 });
    expect(cap.status).toBe(200);
    expect(cap.body.capacity).toBe(7);
    const role = await m.patch(`/api/users/${ids.agent}`, { role: 'manager' });
    expect(role.status).toBe(403);
    expect(role.body.message).toMatch(/capacity/);
    expect((await m.patch(`/api/users/${ids.agent}`, { capacity: 8, name: 'x' })).status).toBe(403);
    expect(
      (await t.db.query<{ capacity: number }>('SELECT capacity FROM users WHERE id = $1', [ids.agent]))[0]!.capacity,
    ).toBe(7);

    expect((await m.delete(`/api/teams/${team.id}`)).status).toBe(204);
    expect((await m.get(`/api/teams/${team.id}`)).status).toBe(404);
  });

  it('keeps the default team: it cannot be deleted or renamed', async () => {
    const del = await as.manager.delete(`/api/teams/${general.id}`);
    expect(del.status).toBe(409);
    expect((await as.manager.patch(`/api/teams/${general.id}`, { name: 'Other' })).status).toBe(409);
    expect((await as.manager.patch(`/api/teams/${general.id}`, { assignmentMode: 'round_robin' })).status).toBe(200);
    const list = await admin.get<{ items: Team[] }>('/api/teams');
    expect(list.body.items[0]).toMatchObject({ name: 'General', isDefault: true });
  });

  it('names each bad field with a 400 and writes nothing', async () => {
    const res = await admin.post('/api/users', {
      email: 'bad',
      name: '',
      role: 'boss',
      password: 'short',
      extra: true,
    });
    expect(res.status).toBe(400);
    const paths = (res.body.details.fields as { path: string }[]).map((f) => f.path).sort();
    expect(paths).toEqual(['email', 'extra', 'name', 'password', 'role']);
    expect(res.body.message).toMatch(/password must be at least 10 characters/);
    const team = await admin.post('/api/teams', { name: '  ', assignmentMode: 'random' });
    expect(team.status).toBe(400);
    expect((team.body.details.fields as { path: string }[]).map((f) => f.path).sort()).toEqual([
      'assignmentMode',
      'name',
    ]);
    expect((await admin.patch(`/api/users/${ids.agent}`, {})).status).toBe(400);
    expect((await admin.get('/api/users/not-a-uuid')).status).toBe(400);
    expect((await admin.post(`/api/teams/${general.id}/members`, { userId: 'nope' })).body.details.fields[0].path).toBe(
      'userId',
    );
  });

  it('answers 409 for a duplicate e-mail or team name, naming the field', async () => {
    const dup = await admin.post('/api/users', {
      email: as.agent.user!.email.toUpperCase(),
      name: 'Dup',
      role: 'agent',
      password: 'long-enough-pw',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.details.fields[0].path).toBe('email');
    const team = await admin.post('/api/teams', { name: 'General' });
    expect(team.status).toBe(409);
    expect(team.body.details.fields[0].path).toBe('name');
  });

  it('answers 404 for unknown users and teams', async () => {
    const ghost = '00000000-0000-4000-8000-000000000000';
    expect((await admin.get(`/api/users/${ghost}`)).status).toBe(404);
    expect((await admin.patch(`/api/users/${ghost}`, { name: 'x' })).status).toBe(404);
    expect((await admin.get(`/api/teams/${ghost}`)).status).toBe(404);
    expect((await admin.post(`/api/teams/${ghost}/members`, { userId: ids.agent })).status).toBe(404);
    expect((await admin.post(`/api/teams/${general.id}/members`, { userId: ghost })).status).toBe(404);
  });

  it('an admin changes roles, but never demotes or deactivates the last active admin', async () => {
    const demote = await admin.patch(`/api/users/${ids.admin}`, { role: 'manager' });
    expect(demote.status).toBe(409);
    expect((await admin.patch(`/api/users/${ids.admin}`, { active: false })).status).toBe(409);
    const { user: second } = await createUser(admin, 'admin');
    expect((await admin.patch(`/api/users/${second.id}`, { role: 'manager' })).body.role).toBe('manager');
    expect(
      (await as.manager.post('/api/users', { email: 'x@y.z', name: 'x', role: 'agent', password: 'long-enough-pw' }))
        .status,
    ).toBe(403);
  });

  it('a deactivated user cannot be added to a team', async () => {
    const { user } = await createUser(admin, 'agent');
    await admin.patch(`/api/users/${user.id}`, { active: false });
    const res = await admin.post(`/api/teams/${general.id}/members`, { userId: user.id });
    expect(res.status).toBe(422);
  });

  it('pages users and teams with keyset cursors, filtering by role and text', async () => {
    for (let i = 0; i < 5; i++) await createTeam(admin, `Paged ${i}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: Team[]; nextCursor: string | null } } = await admin.get(
        `/api/teams?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((x) => x.name));
      cursor = res.body.nextCursor;
    } while (cursor);
    const all = (await admin.get<{ items: Team[] }>('/api/teams?limit=100')).body.items.map((x) => x.name);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
    expect((await admin.get('/api/teams?cursor=garbage')).status).toBe(400);
    expect((await admin.get('/api/teams?limit=0')).status).toBe(400);
    expect((await admin.get('/api/teams?limit=1000')).body.items.length).toBe(all.length);

    const agents = await admin.get<{ items: User[] }>('/api/users?role=agent');
    expect(agents.body.items.every((u) => u.role === 'agent')).toBe(true);
    const q = await admin.get<{ items: User[] }>(`/api/users?q=${encodeURIComponent('%')}`);
    expect(q.body.items).toEqual([]);
  });
});
