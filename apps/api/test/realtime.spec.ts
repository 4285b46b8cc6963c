import { ROOM } from '@dengar/contracts';
import type { Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RealtimeGateway } from '../src/realtime/realtime.gateway.js';
import { createTeam, createUser, defaultTeam } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const open: Socket[] = [];
function track(s: Socket) {
  open.push(s);
  return s;
}

function ready(s: Socket): Promise<{ userId: string; rooms: string[] }> {
  return new Promise((resolve, reject) => {
    s.once('session.ready', resolve);
    s.once('connect_error', reject);
  });
}

function refused(s: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    s.once('connect_error', (e) => resolve(e.message));
    s.once('connect', () => reject(new Error('connected')));
  });
}

function ended(s: Socket): Promise<{ reason: string | undefined; disconnect: string }> {
  return new Promise((resolve) => {
    let reason: string | undefined;
    s.on('session.ended', (info) => (reason = info.reason));
    s.once('disconnect', (d) => resolve({ reason, disconnect: d }));
  });
}

describe('socket.io gateway', () => {
  let t: TestApp;
  let gateway: RealtimeGateway;
  beforeAll(async () => {
    t = await startTestApp();
    gateway = t.app.get(RealtimeGateway);
  });
  afterEach(() => {
    for (const s of open.splice(0)) s.disconnect();
  });
  afterAll(() => t?.close());

  const roomsOf = async (userId: string) => {
    const sockets = await gateway.server.in(ROOM.user(userId)).fetchSockets();
    return sockets.map((s) => [...s.rooms]);
  };

  it('refuses a handshake without a session, or with a forged cookie or token', async () => {
    expect(await refused(track(t.client().socket()))).toBe('unauthorized');
    const forged = t.client();
    forged.cookies.set('dengar_session', 'forged');
    expect(await refused(track(forged.socket()))).toBe('unauthorized');
    expect(await refused(track(t.client().socket({ token: 'dgr_forged' })))).toBe('unauthorized');
  });

  it('joins user:, team: and managers rooms for an admin; no managers room for an agent', async () => {
    const admin = await t.admin();
    const general = await defaultTeam(admin);
    const info = await ready(track(admin.socket()));
    expect(info.userId).toBe(admin.user!.id);
    expect(info.rooms).toEqual(
      expect.arrayContaining([ROOM.user(admin.user!.id), ROOM.team(general.id), ROOM.managers]),
    );

    const team = await createTeam(admin);
    const agent = await createUser(admin, 'agent', { teamIds: [team.id] });
    const agentInfo = await ready(track(agent.client.socket()));
    expect(agentInfo.rooms).toEqual([ROOM.user(agent.user.id), ROOM.team(team.id)]);
  });

  it('authenticates with a personal API token too', async () => {
    const admin = await t.admin();
    const { body } = await admin.post('/api/auth/tokens', { name: 'socket' });
    const info = await ready(track(t.client().socket({ token: body.token })));
    expect(info.userId).toBe(admin.user!.id);
  });

  it('moves live sockets between team rooms when memberships change', async () => {
    const admin = await t.admin();
    const team = await createTeam(admin);
    const agent = await createUser(admin, 'agent');
    await ready(track(agent.client.socket()));
    expect((await roomsOf(agent.user.id))[0]).not.toContain(ROOM.team(team.id));
    await admin.post(`/api/teams/${team.id}/members`, { userId: agent.user.id });
    await expect.poll(async () => (await roomsOf(agent.user.id))[0]).toContain(ROOM.team(team.id));
    await admin.delete(`/api/teams/${team.id}/members/${agent.user.id}`);
    await expect.poll(async () => (await roomsOf(agent.user.id))[0]).not.toContain(ROOM.team(team.id));
  });

  it('cuts the socket when its session logs out, but not the user’s other sessions', async () => {
    const admin = await t.admin();
    const agent = await createUser(admin, 'agent');
    const other = t.client();
    await other.login(agent.user.email, agent.password);
    const s1 = track(agent.client.socket());
    const s2 = track(other.socket());
    await Promise.all([ready(s1), ready(s2)]);
    const gone = ended(s1);
    await agent.client.post('/api/auth/logout');
    expect(await gone).toEqual({ reason: 'logout', disconnect: 'io server disconnect' });
    expect(s2.connected).toBe(true);
  });

  it('cuts every socket of a deactivated user', async () => {
    const admin = await t.admin();
    const agent = await createUser(admin, 'agent');
    const s = track(agent.client.socket());
    await ready(s);
    const gone = ended(s);
    await admin.patch(`/api/users/${agent.user.id}`, { active: false });
    expect((await gone).reason).toBe('deactivated');
  });

  it('cuts a socket whose token is revoked', async () => {
    const admin = await t.admin();
    const { body } = await admin.post('/api/auth/tokens', { name: 'to revoke' });
    const s = track(t.client().socket({ token: body.token }));
    await ready(s);
    const gone = ended(s);
    await admin.delete(`/api/auth/tokens/${body.id}`);
    expect((await gone).reason).toBe('revoked');
  });

  it('cuts a socket whose session expired or was revoked elsewhere (the periodic sweep)', async () => {
    const admin = await t.admin();
    const agent = await createUser(admin, 'agent');
    const s = track(agent.client.socket());
    await ready(s);
    const gone = ended(s);
    // As another instance (or time) would: the row changes without a notice reaching this process.
    await t.db.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1", [
      agent.user.id,
    ]);
    await gateway.sweepDead();
    expect((await gone).reason).toBe('revoked');
  });

  it('re-rooms sockets when a user becomes a manager', async () => {
    const admin = await t.admin();
    const agent = await createUser(admin, 'agent');
    const s = track(agent.client.socket());
    await ready(s);
    const gone = ended(s);
    await admin.patch(`/api/users/${agent.user.id}`, { role: 'manager' });
    expect((await gone).reason).toBeUndefined();
    const again = await ready(track(agent.client.socket()));
    expect(again.rooms).toContain(ROOM.managers);
  });
});
