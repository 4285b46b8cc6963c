import { CSRF_COOKIE, SESSION_COOKIE } from '@dengar/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from './support/factories.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApp, type TestApp } from './support/test-app.js';

describe('sign-in, sessions, CSRF and API tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('sets an httpOnly SameSite=Lax session cookie and a readable CSRF cookie', async () => {
    const c = t.client();
    const res = await c.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    expect(res.body.user).toMatchObject({ email: ADMIN_EMAIL, role: 'admin' });
    expect(res.body.user).not.toHaveProperty('passwordHash');
    const session = res.setCookies.find((s) => s.startsWith(`${SESSION_COOKIE}=`))!;
    const csrf = res.setCookies.find((s) => s.startsWith(`${CSRF_COOKIE}=`))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(csrf).not.toMatch(/HttpOnly/i);
    expect(csrf).toMatch(/SameSite=Lax/i);
    const me = await c.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ via: 'session', user: { email: ADMIN_EMAIL } });
  });

  it('stores sessions server-side as keyed hashes, never the cookie value', async () => {
    const c = await t.admin();
    const token = c.cookies.get(SESSION_COOKIE)!;
    const rows = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
  });

  it('accepts the e-mail in any case', async () => {
    const c = t.client();
    await c.login(ADMIN_EMAIL.toUpperCase(), ADMIN_PASSWORD);
    expect(c.hasSession).toBe(true);
  });

  it('answers a wrong password and an unknown e-mail alike', async () => {
    const wrong = await t
      .client()
      .post('/api/auth/login', { email: ADMIN_EMAIL, password: 'not-the-password' }, { 'x-forwarded-for': '10.0.0.1' });
    const unknown = await t
      .client()
      .post('/api/auth/login', { email: 'nobody@test.local', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.message).toBe('Wrong email or password');
    expect(wrong.setCookies).toEqual([]);
  });

  it('names each bad field of a login', async () => {
    const res = await t.client().post('/api/auth/login', { email: 'not-an-email' });
    expect(res.status).toBe(400);
    const paths = (res.body.details.fields as { path: string }[]).map((f) => f.path).sort();
    expect(paths).toEqual(['email', 'password']);
    expect(res.body.message).toMatch(/email/);
    const malformed = await t.client().request('POST', '/api/auth/login', '{"email":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toMatch(/JSON/);
  });

  it('logout revokes the session on the server', async () => {
    const c = await t.admin();
    const stolen = new Map(c.cookies);
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    expect(c.hasSession).toBe(false);
    const replay = t.client();
    for (const [k, v] of stolen) replay.cookies.set(k, v);
    expect((await replay.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses cookie-authenticated unsafe requests without the CSRF header, or with a wrong one', async () => {
    const c = await t.admin();
    c.sendCsrf = false;
    const none = await c.post('/api/teams', { name: 'Csrf none' });
    expect(none.status).toBe(403);
    expect(none.body.code).toBe('CSRF_MISMATCH');
    const wrong = await c.post('/api/teams', { name: 'Csrf wrong' }, { 'x-csrf-token': 'forged' });
    expect(wrong.status).toBe(403);
    expect((await t.db.query("SELECT 1 FROM teams WHERE name LIKE 'Csrf%'")).length).toBe(0);
    c.sendCsrf = true;
    expect((await c.post('/api/teams', { name: 'Csrf ok' })).status).toBe(201);
    // Safe methods need no header.
    c.sendCsrf = false;
    expect((await c.get('/api/teams')).status).toBe(200);
  });

  it('remembers the language per user', async () => {
    const c = await t.admin();
    const res = await c.patch('/api/auth/me', { locale: 'id' });
    expect(res.status).toBe(200);
    expect(res.body.user.locale).toBe('id');
    const again = await t.admin();
    expect((await again.get('/api/auth/me')).body.user.locale).toBe('id');
    expect((await c.patch('/api/auth/me', { locale: 'fr' })).status).toBe(400);
    await c.patch('/api/auth/me', { locale: 'en' });
  });

  it('personal API tokens: shown once, stored hashed, Bearer without CSRF, revocable', async () => {
    const c = await t.admin();
    const created = await c.post('/api/auth/tokens', { name: 'CI script' });
    expect(created.status).toBe(201);
    const token: string = created.body.token;
    expect(token).toMatch(/^dgr_/);
    expect(created.body).toMatchObject({ name: 'CI script', prefix: token.slice(0, 10) });
    const listed = await c.get('/api/auth/tokens');
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(created.body.id);
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect(JSON.stringify(await t.db.query('SELECT * FROM api_tokens'))).not.toContain(token);

    const bot = t.client();
    bot.bearer = token;
    expect((await bot.get('/api/auth/me')).body).toMatchObject({ via: 'token', user: { email: ADMIN_EMAIL } });
    expect((await bot.post('/api/teams', { name: 'Made by token' })).status).toBe(201);

    const bad = t.client();
    bad.bearer = 'dgr_not-a-token';
    expect((await bad.get('/api/auth/me')).status).toBe(401);
    // A bad bearer is a failure even with a valid cookie beside it.
    const both = await t.admin();
    both.bearer = 'dgr_not-a-token';
    expect((await both.get('/api/auth/me')).status).toBe(401);

    expect((await c.delete(`/api/auth/tokens/${created.body.id}`)).status).toBe(204);
    expect((await bot.get('/api/auth/me')).status).toBe(401);
    expect((await c.delete(`/api/auth/tokens/${created.body.id}`)).status).toBe(404);
  });

  it('refuses a bad token request naming the field, and writes nothing', async () => {
    const c = await t.admin();
    const before = await t.db.query('SELECT id FROM api_tokens');
    const res = await c.post('/api/auth/tokens', { name: '', expiresInDays: 0 });
    expect(res.status).toBe(400);
    expect((res.body.details.fields as { path: string }[]).map((f) => f.path).sort()).toEqual([
      'expiresInDays',
      'name',
    ]);
    expect((await c.delete('/api/auth/tokens/not-a-uuid')).status).toBe(400);
    expect(await t.db.query('SELECT id FROM api_tokens')).toEqual(before);
  });

  it('expired tokens stop working', async () => {
    const c = await t.admin();
    const created = await c.post('/api/auth/tokens', { name: 'short', expiresInDays: 1 });
    await t.db.query("UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1", [created.body.id]);
    const bot = t.client();
    bot.bearer = created.body.token;
    expect((await bot.get('/api/auth/me')).status).toBe(401);
  });

  it('a deactivated user loses their session and cannot sign in', async () => {
    const admin = await t.admin();
    const { user, password, client } = await createUser(admin, 'agent');
    expect((await client.get('/api/auth/me')).status).toBe(200);
    expect((await admin.patch(`/api/users/${user.id}`, { active: false })).status).toBe(200);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    const again = await t.client().post('/api/auth/login', { email: user.email, password });
    expect(again.status).toBe(401);
  });

  it('a password change by an admin ends the user’s sessions', async () => {
    const admin = await t.admin();
    const { user, client } = await createUser(admin, 'agent');
    expect((await admin.patch(`/api/users/${user.id}`, { password: 'brand-new-password' })).status).toBe(200);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    await t.client().login(user.email, 'brand-new-password');
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'true' });
  });
  afterAll(() => t?.close());

  const attempt = (email: string, password: string, ip: string) =>
    t.client().post('/api/auth/login', { email, password }, { 'x-forwarded-for': ip });

  it('answers 429 with Retry-After after 5 failures for one e-mail, even with the right password', async () => {
    const admin = await t.admin();
    const { user, password } = await createUser(admin, 'agent');
    for (let i = 0; i < 5; i++) expect((await attempt(user.email, 'wrong-password', `10.1.0.${i}`)).status).toBe(401);
    const blocked = await attempt(user.email, password, '10.1.0.99');
    expect(blocked.status).toBe(429);
    const retry = Number(blocked.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(300);
    expect(blocked.body.code).toBe('RATE_LIMITED');
    // Once the window has passed, the right password works again.
    await t.db.query("UPDATE login_failures SET at = at - interval '6 minutes'");
    expect((await attempt(user.email, password, '10.1.0.99')).status).toBe(200);
  });

  it('limits one IP trying many e-mails, and the same for unknown e-mails (nothing revealed)', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt(`ghost${i}@test.local`, 'x', '10.2.0.1')).status).toBe(401);
    expect((await attempt('ghost9@test.local', 'x', '10.2.0.1')).status).toBe(429);
    expect((await attempt(ADMIN_EMAIL, ADMIN_PASSWORD, '10.2.0.1')).status).toBe(429);
    // Another address is not affected.
    expect((await attempt(ADMIN_EMAIL, ADMIN_PASSWORD, '10.2.0.2')).status).toBe(200);
  });
});

describe('browser hardening', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('re-issues a lost CSRF cookie from /api/auth/me', async () => {
    const c = await t.admin();
    const csrf = c.cookies.get(CSRF_COOKIE)!;
    c.cookies.delete(CSRF_COOKIE);
    const me = await c.get('/api/auth/me');
    expect(me.setCookies.some((s) => s.startsWith(`${CSRF_COOKIE}=${csrf}`))).toBe(true);
    expect((await c.post('/api/teams', { name: 'After re-issue' })).status).toBe(201);
  });

  it('sends security headers, with a script policy outside the API docs', async () => {
    const res = await t.client().get('/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await t.client().get('/api/docs')).headers.get('content-security-policy')).toBeNull();
  });
});
