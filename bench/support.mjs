// What the API benchmarks share: the built app booted on a fresh embedded PostgreSQL, an admin session, a
// webhook source and signed deliveries to it. Needs `pnpm build` (the API's dist) first.
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createRequire } from 'node:module';

/** `require` from the API package: its dependencies (reflect-metadata, socket.io-client) live there. */
export const requireApi = createRequire(new URL('../apps/api/package.json', import.meta.url));
// Nest needs the metadata polyfill loaded before the app's modules.
requireApi('reflect-metadata');

const dist = new URL('../apps/api/dist/', import.meta.url);
const { loadConfig } = await import(new URL('config/config.js', dist).href);
const { migrate, openDatabase } = await import(new URL('database/bootstrap.js', dist).href);
const { createApp } = await import(new URL('app.factory.js', dist).href);
const { createLogger } = await import(new URL('modules/logging/logger.js', dist).href);
const { SetupService } = await import(new URL('modules/setup/setup.service.js', dist).href);

const ADMIN_EMAIL = 'bench@bench.local';
const ADMIN_PASSWORD = 'bench-password-123';

/** Customer-care style texts in English and Indonesian, cycled through by the deliveries. */
const TEXTS = [
  'Where is my order? It has been a week already',
  'Pesanan saya belum sampai, kecewa banget',
  'Love the new menu, great coffee!',
  'How much is the large bag of beans?',
  'Aplikasinya lemot banget gak bisa login',
  'Thanks for the quick help yesterday',
  'Mau beli voucher, caranya gimana ya?',
  'Delivery was late again and the drink was cold',
];

/** The n-th mention of a bench run: a text from TEXTS, posted now, by `author` (a new author opens a ticket). */
export function mention(n, externalId, author) {
  return {
    externalId,
    url: `https://forum.example.com/p/${n}`,
    text: `${TEXTS[n % TEXTS.length]} #${n}`,
    postedAt: new Date().toISOString(),
    author: { externalId: author, handle: `${author}@forum.example.com`, followers: n % 5000 },
  };
}

/**
 * Boots the production app (quiet logs) on a fresh embedded PostgreSQL, signs in as the first admin and creates
 * a webhook source. Returns the base URL, the admin's cookie, the source (id and signing key) and `close()`.
 */
export async function startBench({ webDist } = {}) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'dengar-bench-'));
  const config = loadConfig({
    NODE_ENV: 'production',
    DENGAR_DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(55000 + Math.floor(Math.random() * 900)),
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    DENGAR_DEMO: 'false',
    LOG_LEVEL: 'warn',
    DENGAR_WEB_DIST: webDist ?? path.join(dataDir, 'no-web'),
  });
  const db = await openDatabase(config);
  await migrate(db.url);
  const quiet = new Writable({ write: (_c, _e, done) => done() });
  const app = await createApp(config, db.url, createLogger('warn', quiet));
  await app.get(SetupService).ensureWorkspace();
  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');

  const { cookie, csrf } = await login(base);
  const created = await fetch(`${base}/api/sources`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': decodeURIComponent(csrf ?? '') },
    body: JSON.stringify({ kind: 'webhook', name: 'Bench' }),
  }).then((r) => r.json());
  const source = { id: created.id, key: Buffer.from(created.webhookSecret.slice('whsec_'.length), 'base64') };

  return {
    base,
    cookie,
    source,
    /** The app's database (for benches that load data with SQL) and the booted Nest app. */
    dbUrl: db.url,
    app,
    async close() {
      await app.close();
      await db.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function login(base) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  });
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('dengar_csrf='))?.split('=')[1];
  return { cookie: cookies.join('; '), csrf };
}

/** Signs in as any user; returns the session cookie header and the CSRF token for unsafe requests. */
export async function signIn(base, email, password) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login as ${email} answered ${res.status}: ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('dengar_csrf='))?.split('=')[1];
  return { cookie: cookies.join('; '), csrf: decodeURIComponent(csrf ?? '') };
}

/**
 * One delivery signed the way a Standard Webhooks sender signs it; throws unless it is answered 202 with every
 * mention accepted. Returns `t0` (just before the request) and `tResp` (the answer), from `performance.now()`.
 */
export async function deliver(base, source, body) {
  const raw = JSON.stringify(body);
  const id = `msg_${randomBytes(8).toString('hex')}`;
  const ts = Math.floor(Date.now() / 1000);
  const sig = createHmac('sha256', source.key).update(`${id}.${ts}.`).update(raw).digest('base64');
  const t0 = performance.now();
  const res = await fetch(`${base}/api/sources/${source.id}/webhook`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(ts),
      'webhook-signature': `v1,${sig}`,
    },
    body: raw,
  });
  const tResp = performance.now();
  if (res.status !== 202) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
  const out = await res.json();
  const sent = body.mentions.length;
  if (out.accepted !== sent) throw new Error(`accepted ${out.accepted} of ${sent}`);
  return { t0, tResp };
}

/** The machine the numbers were taken on. */
export function machine() {
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

/** A pool on the bench app's database and `sql(text, params)` over it; end the pool when done. */
export function benchPool(bench, max) {
  const pg = requireApi('pg');
  const pool = new pg.Pool({ connectionString: bench.dbUrl, max });
  pool.on('error', (err) => console.error('bench pool:', err.message));
  return { pool, sql: (text, params) => pool.query(text, params) };
}

/** `step(label, work)` runs `work` and records how long it took in `timings` ([label, seconds]). */
export function stepTimer() {
  const timings = [];
  async function step(label, work) {
    const t0 = performance.now();
    const out = await work();
    timings.push([label, (performance.now() - t0) / 1000]);
    return out;
  }
  return { timings, step };
}

/** Prints one explained statement: its SQL on one line, its parameters, and its plan (markdown). */
export function printPlan(p) {
  console.log('```sql');
  console.log(p.query.replace(/\s+/g, ' ').trim());
  console.log(`-- params: ${JSON.stringify(p.parameters)}`);
  console.log('```');
  console.log('```');
  console.log(p.plan.join('\n'));
  console.log('```');
}
