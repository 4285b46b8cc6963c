// Webhook ingestion throughput (issue #3): a real app on a fresh embedded PostgreSQL, signed deliveries of
// 100 mentions each, one after another and 4 at a time. Run with `pnpm bench` (builds first).
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createRequire } from 'node:module';

// Nest needs the metadata polyfill loaded first; it is the API package's dependency.
createRequire(new URL('../apps/api/package.json', import.meta.url))('reflect-metadata');

const dist = new URL('../apps/api/dist/', import.meta.url);
const { loadConfig } = await import(new URL('config/config.js', dist).href);
const { migrate, openDatabase } = await import(new URL('database/bootstrap.js', dist).href);
const { createApp } = await import(new URL('app.factory.js', dist).href);
const { createLogger } = await import(new URL('modules/logging/logger.js', dist).href);
const { SetupService } = await import(new URL('modules/setup/setup.service.js', dist).href);

const BATCH = 100;
const SEQUENTIAL = Number(process.env.BENCH_BATCHES ?? 50);
const PARALLEL = 4;

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'dengar-bench-'));
const config = loadConfig({
  NODE_ENV: 'production',
  DENGAR_DATA_DIR: dataDir,
  EMBEDDED_PG_PORT: String(55000 + Math.floor(Math.random() * 900)),
  ADMIN_EMAIL: 'bench@bench.local',
  ADMIN_PASSWORD: 'bench-password-123',
  DENGAR_DEMO: 'false',
  LOG_LEVEL: 'warn',
  DENGAR_WEB_DIST: path.join(dataDir, 'no-web'),
});
const db = await openDatabase(config);
await migrate(db.url);
const quiet = new Writable({ write: (_c, _e, done) => done() });
const app = await createApp(config, db.url, createLogger('warn', quiet));
await app.get(SetupService).ensureWorkspace();
await app.listen(0, '127.0.0.1');
const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');

async function login() {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@bench.local', password: 'bench-password-123' }),
  });
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('dengar_csrf='))?.split('=')[1];
  return { cookie: cookies.join('; '), csrf };
}
const { cookie, csrf } = await login();
const created = await fetch(`${base}/api/sources`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': decodeURIComponent(csrf ?? '') },
  body: JSON.stringify({ kind: 'webhook', name: 'Bench' }),
}).then((r) => r.json());
const key = Buffer.from(created.webhookSecret.slice('whsec_'.length), 'base64');

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
let n = 0;
function batch() {
  return {
    mentions: Array.from({ length: BATCH }, () => {
      n++;
      // Half the items reply to an earlier one, so threading does real lookups.
      const author = `author-${n % 2000}`;
      return {
        externalId: `bench-${n}`,
        url: `https://forum.example.com/p/${n}`,
        text: `${TEXTS[n % TEXTS.length]} #${n}`,
        postedAt: new Date().toISOString(),
        ...(n % 2 === 0 ? { inReplyToExternalId: `bench-${n - 1}` } : {}),
        author: { externalId: author, handle: `${author}@forum.example.com`, followers: n % 5000 },
      };
    }),
  };
}
async function send(body) {
  const raw = JSON.stringify(body);
  const id = `msg_${randomBytes(8).toString('hex')}`;
  const ts = Math.floor(Date.now() / 1000);
  const sig = createHmac('sha256', key).update(`${id}.${ts}.`).update(raw).digest('base64');
  const res = await fetch(`${base}/api/sources/${created.id}/webhook`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(ts),
      'webhook-signature': `v1,${sig}`,
    },
    body: raw,
  });
  if (res.status !== 202) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
  const out = await res.json();
  if (out.accepted !== BATCH) throw new Error(`accepted ${out.accepted} of ${BATCH}`);
}

// Warm-up (JIT, enrichment model, connection pool).
for (let i = 0; i < 5; i++) await send(batch());

const latencies = [];
let t0 = performance.now();
for (let i = 0; i < SEQUENTIAL; i++) {
  const s = performance.now();
  await send(batch());
  latencies.push(performance.now() - s);
}
const seqMs = performance.now() - t0;
t0 = performance.now();
await Promise.all(
  Array.from({ length: PARALLEL }, async () => {
    for (let i = 0; i < SEQUENTIAL / PARALLEL; i++) await send(batch());
  }),
);
const parMs = performance.now() - t0;
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(0);

console.log(`webhook ingestion, batches of ${BATCH} mentions (new mentions, threading, tickets, events)`);
console.log(
  `  one sender:   ${((SEQUENTIAL * BATCH) / (seqMs / 1000)).toFixed(0)} mentions/s  (batch p50 ${pct(50)} ms, p95 ${pct(95)} ms)`,
);
console.log(`  ${PARALLEL} senders:    ${((SEQUENTIAL * BATCH) / (parMs / 1000)).toFixed(0)} mentions/s`);
console.log(
  `  machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);

await app.close();
await db.stop();
await rm(dataDir, { recursive: true, force: true });
