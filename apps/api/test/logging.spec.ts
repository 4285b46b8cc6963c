import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './support/test-app.js';

describe('structured logs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('writes one JSON line per request with request id, user id and latency, and never a secret', async () => {
    const admin = await t.admin();
    await admin.post('/api/users', {
      email: 'logged@test.local',
      name: 'L',
      role: 'agent',
      password: 'very-secret-password',
    });
    const token = (await admin.post('/api/auth/tokens', { name: 'x' })).body.token as string;
    const res = await admin.request('GET', '/api/teams?q=hello', undefined, { 'x-request-id': 'trace-123' });
    expect(res.headers.get('x-request-id')).toBe('trace-123');

    const lines = t.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    const line = lines.find((l) => l.reqId === 'trace-123');
    expect(line).toMatchObject({
      msg: 'request',
      method: 'GET',
      path: '/api/teams',
      status: 200,
      userId: admin.user!.id,
    });
    expect(typeof line!.latencyMs).toBe('number');
    const all = t.logs.join('\n');
    for (const secret of [
      ADMIN_PASSWORD,
      'very-secret-password',
      token,
      admin.cookies.get('dengar_session')!,
      admin.cookies.get('dengar_csrf')!,
    ]) {
      expect(all).not.toContain(secret);
    }
  });
});
