import type { Role, Team, User } from '@dengar/contracts';
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { Client } from './client.js';

let n = 0;

/** Creates a user through the API (as the given admin) and returns a client signed in as them. */
export async function createUser(
  admin: Client,
  role: Role,
  opts: { teamIds?: string[]; name?: string } = {},
): Promise<{ user: User; password: string; client: Client }> {
  n += 1;
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const email = `${role}${n}-${randomBytes(3).toString('hex')}@test.local`;
  const res = await admin.post<User>('/api/users', { email, name: opts.name ?? `${role} ${n}`, role, password });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  for (const teamId of opts.teamIds ?? []) {
    const m = await admin.post(`/api/teams/${teamId}/members`, { userId: res.body.id });
    expect(m.status, JSON.stringify(m.body)).toBe(201);
  }
  const client = new Client(admin.baseUrl);
  await client.login(email, password);
  return { user: res.body, password, client };
}

export async function createTeam(manager: Client, name = `Team ${randomBytes(3).toString('hex')}`): Promise<Team> {
  const res = await manager.post<Team>('/api/teams', { name });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export async function defaultTeam(client: Client): Promise<Team> {
  const res = await client.get<{ items: Team[] }>('/api/teams');
  const team = res.body.items.find((t) => t.isDefault);
  if (!team) throw new Error('no default team');
  return team;
}
