import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, listening } from '../test/support/net.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = path.join(ROOT, 'apps/api/dist/main.js');

interface Run {
  child: ChildProcess;
  output: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function run(env: Record<string, string>): Run {
  const out: string[] = [];
  const err: string[] = [];
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (c: Buffer) => out.push(c.toString()));
  child.stderr.on('data', (c: Buffer) => err.push(c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out.join(''), stderr: () => err.join(''), exited };
}

async function healthy(port: number, r: Run, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let done = false;
  void r.exited.then(() => (done = true));
  while (Date.now() < deadline && !done) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).status === 200) return;
    } catch {
      // not yet
    }
    await new Promise((res) => setTimeout(res, 250));
  }
  throw new Error(`not healthy: ${r.output()}${r.stderr()}`);
}

async function login(port: number, email: string, password: string) {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = cookies.find((c) => c.startsWith('dengar_csrf='))!.split('=')[1]!;
  return { status: res.status, cookie: cookies.join('; '), csrf };
}

describe('the built server as a process (embedded PostgreSQL)', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let port: number;
  let pgPort: number;
  beforeAll(async () => {
    expect(existsSync(MAIN), 'build first: pnpm build').toBe(true);
    dataDir = await mkdtemp(path.join(tmpdir(), 'dengar-life-'));
    port = await freePort();
    pgPort = await freePort();
    env = { DENGAR_DATA_DIR: dataDir, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort) };
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    await rm(`${dataDir}-2`, { recursive: true, force: true });
  });

  let adminPassword = '';
  let demoPassword = '';

  it('first start: initialises PostgreSQL, migrates, seeds, prints the URL and a generated password once', async () => {
    const r = run(env);
    await healthy(port, r);
    const out = r.output();
    expect(out).toContain(`Dengar is running at http://localhost:${port}`);
    adminPassword = /Sign in as admin@dengar\.local with password (\S+)/.exec(out)?.[1] ?? '';
    demoPassword = /Demo users \(password (\S+),/.exec(out)?.[1] ?? '';
    expect(adminPassword.length).toBeGreaterThanOrEqual(12);
    expect(out).toMatch(/sari@dengar\.local\s+agent/);
    expect(existsSync(path.join(dataDir, 'secret'))).toBe(true);
    expect(existsSync(path.join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);

    const admin = await login(port, 'admin@dengar.local', adminPassword);
    expect(admin.status).toBe(200);
    expect((await login(port, 'sari@dengar.local', demoPassword)).status).toBe(200);
    const made = await fetch(`http://127.0.0.1:${port}/api/teams`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      body: JSON.stringify({ name: 'Survives restarts' }),
    });
    expect(made.status).toBe(201);
    // The demo workspace listens: its brands, campaign and demo source are there, and mentions flow in.
    const get = async (p: string) =>
      (await (await fetch(`http://127.0.0.1:${port}${p}`, { headers: { cookie: admin.cookie } })).json()) as {
        items: { name?: string; kind?: string; ticketId?: string | null }[];
      };
    expect((await get('/api/brands')).items.map((b) => b.name)).toEqual(['Kopi Senja', 'Brew & Co']);
    expect((await get('/api/campaigns')).items.map((c) => c.name)).toEqual(['SenjaFest']);
    expect((await get('/api/sources')).items.map((s) => [s.name, s.kind])).toEqual([['Demo stream', 'demo']]);
    await expect
      .poll(async () => (await get('/api/mentions?spam=any')).items.filter((m) => m.ticketId).length, {
        timeout: 20_000,
      })
      .toBeGreaterThan(0);
    const page = await fetch(`http://127.0.0.1:${port}/settings/teams`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    r.child.kill('SIGINT');
    expect(await r.exited).toBe(0);
    // PostgreSQL stopped cleanly: no lock file, nobody on its port.
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    expect(await listening(pgPort)).toBe(false);
  });

  it('second start: reuses the data, prints no password, keeps sessions signed with the kept secret', async () => {
    const r = run(env);
    await healthy(port, r);
    expect(r.output()).not.toContain(adminPassword);
    expect(r.output()).not.toContain('Demo users');
    const admin = await login(port, 'admin@dengar.local', adminPassword);
    expect(admin.status).toBe(200);
    const teams = (await (
      await fetch(`http://127.0.0.1:${port}/api/teams`, { headers: { cookie: admin.cookie } })
    ).json()) as {
      items: { name: string }[];
    };
    expect(teams.items.map((t) => t.name)).toEqual(
      expect.arrayContaining(['General', 'Customer Care', 'Marketing', 'Survives restarts']),
    );

    // A second server on the same data directory is refused in one clear line, and the first keeps running.
    const other = run({ ...env, PORT: String(await freePort()) });
    expect(await other.exited).toBe(1);
    expect(other.stderr().trim()).toMatch(
      /^Dengar could not start its database: .* in use by process \d+; stop the other Dengar first$/,
    );
    // …and a second server on the same HTTP port, with its own data, says which port to change.
    const clash = run({ ...env, DENGAR_DATA_DIR: `${dataDir}-2`, EMBEDDED_PG_PORT: String(await freePort()) });
    expect(await clash.exited).toBe(1);
    expect(clash.stderr()).toContain(`Dengar could not start: port ${port} is already in use; set PORT to a free port`);
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);

    r.child.kill('SIGTERM');
    expect(await r.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  });

  it('a bad configuration stops the start with one line per bad variable', async () => {
    const r = run({ ...env, PORT: 'abc', DENGAR_DEMO: 'maybe' });
    expect(await r.exited).toBe(1);
    expect(r.stderr().trim().split('\n')).toEqual([
      'Invalid configuration: PORT expected a port number (got "abc")',
      'Invalid configuration: DENGAR_DEMO expected true or false (got "maybe")',
    ]);
    const ext = run({ ...env, DATABASE_URL: 'postgres://u:p@127.0.0.1:1/db' });
    expect(await ext.exited).toBe(1);
    expect(ext.stderr()).toMatch(/^Invalid configuration: DENGAR_SECRET is required when DATABASE_URL is set/);
    expect(ext.stderr()).not.toContain('u:p@');
  });
});
