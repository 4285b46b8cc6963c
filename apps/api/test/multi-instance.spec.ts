import { ROOM } from '@dengar/contracts';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RealtimeGateway } from '../src/realtime/realtime.gateway.js';
import { Client } from './support/client.js';
import { createTeam, createUser } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Always through PostgreSQL; through Redis too when REDIS_URL is set (this machine has one; a user's may not).
const adapters: [string, Record<string, string>][] = [['postgres', {}]];
if (process.env.REDIS_URL) adapters.push(['redis', { REDIS_URL: process.env.REDIS_URL }]);

describe.each(adapters)('two API instances on one database (%s adapter)', (_name, env) => {
  let a: TestApp;
  let b: TestApp;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    a = await startTestApp(env);
    b = await startTestApp(env, { db: a.db });
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await b?.close();
    await a?.close();
  });

  const ready = (s: Socket) =>
    new Promise<void>((resolve, reject) => {
      sockets.push(s);
      s.once('session.ready', () => resolve());
      s.once('connect_error', reject);
    });

  it('a session made on one instance works on the other; logout there cuts the socket held here', async () => {
    const admin = await a.admin();
    const agent = await createUser(admin, 'agent');
    const onB = new Client(b.baseUrl);
    for (const [k, v] of agent.client.cookies) onB.cookies.set(k, v);
    expect((await onB.get('/api/auth/me')).status).toBe(200);

    const socket = onB.socket();
    await ready(socket);
    const ended = new Promise<string>((resolve) => socket.on('session.ended', (i) => resolve(i.reason)));
    const gone = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    expect((await agent.client.post('/api/auth/logout')).status).toBe(204); // on instance A
    // Well before the 30 s sweep: the notice crossed instances through the adapter.
    const late = new Promise<string>((resolve) => setTimeout(() => resolve('timeout'), 5000));
    expect(await Promise.race([ended, late])).toBe('logout');
    await gone;
    expect((await onB.get('/api/auth/me')).status).toBe(401);
  });

  it('a membership change on one instance re-rooms a socket held by the other', async () => {
    const admin = await a.admin();
    const team = await createTeam(admin);
    const agent = await createUser(admin, 'agent');
    const onB = new Client(b.baseUrl);
    for (const [k, v] of agent.client.cookies) onB.cookies.set(k, v);
    await ready(onB.socket());
    await admin.post(`/api/teams/${team.id}/members`, { userId: agent.user.id });
    const serverB = b.app.get(RealtimeGateway).server;
    await expect
      .poll(async () => (await serverB.in(ROOM.team(team.id)).fetchSockets()).length, { timeout: 5000 })
      .toBe(1);
  });
});
