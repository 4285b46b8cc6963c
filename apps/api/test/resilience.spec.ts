import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from './support/client.js';
import { createUser } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('when PostgreSQL drops every connection (57P01, as in a restart)', () => {
  let a: TestApp;
  let b: TestApp;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({}, { db: a.db });
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await b?.close();
    await a?.close();
  });

  it('both instances keep running and recover: health, sign-in, and notices crossing instances', async () => {
    const killed = await a.db.query<{ n: number }>(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    // The ORM pools, the job queues and the adapters' LISTEN clients of both instances.
    expect(killed[0]!.n).toBeGreaterThan(4);
    for (const app of [a, b]) {
      await expect
        .poll(async () => (await app.client().get('/api/health')).status, { timeout: 15_000, interval: 250 })
        .toBe(200);
    }
    const admin = await a.admin();
    const agent = await createUser(admin, 'agent');
    // A logout on A reaches a socket on B only once B's adapter LISTENs again (it retries within ~3 s).
    const logoutOnACutsSocketOnB = async () => {
      const onA = new Client(a.baseUrl);
      await onA.login(agent.user.email, agent.password);
      const onB = new Client(b.baseUrl);
      for (const [k, v] of onA.cookies) onB.cookies.set(k, v);
      const s = onB.socket();
      sockets.push(s);
      await new Promise<void>((resolve, reject) => {
        s.once('session.ready', () => resolve());
        s.once('connect_error', reject);
      });
      const cut = new Promise<boolean>((resolve) => {
        s.once('session.ended', () => resolve(true));
        setTimeout(() => resolve(false), 1500);
      });
      await onA.post('/api/auth/logout');
      return cut;
    };
    await expect.poll(logoutOnACutsSocketOnB, { timeout: 15_000, interval: 200 }).toBe(true);
  });
});
