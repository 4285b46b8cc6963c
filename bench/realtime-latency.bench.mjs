// Realtime latency: how long from a webhook delivery's COMMIT to the `ticket.created` socket event at a client.
// A real app on a fresh embedded PostgreSQL, a socket.io client logged in as the admin, N signed deliveries of one
// mention each (a new author each, so each opens a ticket), one sender at a time and then 4 at a time.
// Run with `pnpm bench` (builds first), or `node bench/realtime-latency.bench.mjs` after `pnpm build`.
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRequire } from 'node:module';

// Nest needs the metadata polyfill loaded first; it and the socket.io client are the API package's dependencies.
const requireApi = createRequire(new URL('../apps/api/package.json', import.meta.url));
requireApi('reflect-metadata');
const { io } = requireApi('socket.io-client');

const dist = new URL('../apps/api/dist/', import.meta.url);
const { loadConfig } = await import(new URL('config/config.js', dist).href);
const { migrate, openDatabase } = await import(new URL('database/bootstrap.js', dist).href);
const { createApp } = await import(new URL('app.factory.js', dist).href);
const { createLogger } = await import(new URL('modules/logging/logger.js', dist).href);
const { SetupService } = await import(new URL('modules/setup/setup.service.js', dist).href);

const N = Number(process.env.BENCH_LATENCY_N ?? 300);
const PARALLEL = 4;
const WARMUP = 10;
const GAP_MS = [20, 50];
/** A delivery whose event has not arrived by then counts as missed (the relay's fallback poll is 2 s). */
const EVENT_TIMEOUT_MS = 5_000;

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

// The client: every `ticket.created` is stamped on arrival; deliveries are matched to tickets afterwards.
const events = new Map(); // ticketId → { tEvent, wallEvent, at, seq }
let eventCount = 0;
let waiter = null;
const socket = io(base, {
  path: '/socket.io',
  transports: ['websocket'],
  extraHeaders: { cookie },
  reconnection: false,
});
socket.on('ticket.created', (envelope) => {
  const tEvent = performance.now();
  events.set(envelope.data.ticketId, { tEvent, wallEvent: Date.now(), at: Date.parse(envelope.at), seq: envelope.seq });
  eventCount++;
  if (waiter && eventCount >= waiter.target) waiter.resolve(true);
});
await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('no session.ready within 10 s')), 10_000);
  socket.once('session.ready', () => {
    clearTimeout(timer);
    resolve();
  });
  socket.once('connect_error', (err) => {
    clearTimeout(timer);
    reject(err);
  });
});

/** Resolves true once `target` ticket.created events have arrived in all, false after the timeout. */
function eventsReach(target, ms = EVENT_TIMEOUT_MS) {
  if (eventCount >= target) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      waiter = null;
      resolve(false);
    }, ms);
    waiter = {
      target,
      resolve: (ok) => {
        clearTimeout(timer);
        waiter = null;
        resolve(ok);
      },
    };
  });
}

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
const deliveries = new Map(); // externalId → { t0, tResp }

/** One signed delivery of one mention by a new author; records t0 (just before fetch) and tResp (202). */
async function send() {
  n++;
  const externalId = `lat-${n}`;
  const author = `lat-author-${n}`;
  const raw = JSON.stringify({
    mentions: [
      {
        externalId,
        url: `https://forum.example.com/p/${n}`,
        text: `${TEXTS[n % TEXTS.length]} #${n}`,
        postedAt: new Date().toISOString(),
        author: { externalId: author, handle: `${author}@forum.example.com`, followers: n % 5000 },
      },
    ],
  });
  const id = `msg_${randomBytes(8).toString('hex')}`;
  const ts = Math.floor(Date.now() / 1000);
  const sig = createHmac('sha256', key).update(`${id}.${ts}.`).update(raw).digest('base64');
  const record = { t0: performance.now(), tResp: 0 };
  deliveries.set(externalId, record);
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
  record.tResp = performance.now();
  if (res.status !== 202) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
  const out = await res.json();
  if (out.accepted !== 1) throw new Error(`accepted ${out.accepted} of 1`);
  return externalId;
}

const gap = () => sleep(GAP_MS[0] + Math.random() * (GAP_MS[1] - GAP_MS[0]));

/** externalId → ticketId for every mention of the bench source, read back through the API. */
async function ticketsByExternalId() {
  const map = new Map();
  let cursor = null;
  do {
    const q = new URLSearchParams({ sourceId: created.id, spam: 'any', limit: '100', ...(cursor ? { cursor } : {}) });
    const res = await fetch(`${base}/api/mentions?${q}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`mention list answered ${res.status}: ${await res.text()}`);
    const page = await res.json();
    for (const m of page.items) map.set(m.externalId, m.ticketId);
    cursor = page.nextCursor;
  } while (cursor);
  return map;
}

async function measure(label, externalIds) {
  const tickets = await ticketsByExternalId();
  const reqToEvent = [];
  const respToEvent = [];
  const reqToResp = [];
  const atToClient = [];
  let missed = 0;
  for (const ext of externalIds) {
    const d = deliveries.get(ext);
    const e = events.get(tickets.get(ext));
    reqToResp.push(d.tResp - d.t0);
    if (!e) {
      missed++;
      continue;
    }
    reqToEvent.push(e.tEvent - d.t0);
    respToEvent.push(e.tEvent - d.tResp);
    atToClient.push(e.wallEvent - e.at);
  }
  return { label, count: externalIds.length, missed, reqToEvent, respToEvent, reqToResp, atToClient };
}

// Warm-up (JIT, enrichment model, connection pool, socket): not measured.
for (let i = 0; i < WARMUP; i++) {
  await send();
  await eventsReach(eventCount + 1);
}

// One sender, one delivery in flight end to end: send, wait for its event, pause 20–50 ms.
const sequential = [];
for (let i = 0; i < N; i++) {
  const before = eventCount;
  sequential.push(await send());
  await eventsReach(before + 1);
  await gap();
}

// 4 senders, each sending its share one after another with the same pauses; events are awaited at the end.
const parallel = [];
const beforeParallel = eventCount;
await Promise.all(
  Array.from({ length: PARALLEL }, async (_, s) => {
    const share = Math.floor(N / PARALLEL) + (s < N % PARALLEL ? 1 : 0);
    for (let i = 0; i < share; i++) {
      parallel.push(await send());
      await gap();
    }
  }),
);
await eventsReach(beforeParallel + N);

const results = [await measure('1 sender', sequential), await measure(`${PARALLEL} senders`, parallel)];

const pct = (values, p) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};
const fmt = (v) => (Number.isNaN(v) ? 'n/a' : v.toFixed(1));
const METRICS = [
  ['request start → socket event', 'reqToEvent'],
  ['202 response → socket event', 'respToEvent'],
  ['event log `at` (tx start) → client', 'atToClient'],
  ['request start → 202 response', 'reqToResp'],
];

console.log(`realtime latency, webhook delivery → \`ticket.created\` at a socket.io client (ms; N=${N} per row group)`);
console.log('');
console.log('| senders | measure | p50 | p95 | p99 | max |');
console.log('| --- | --- | ---: | ---: | ---: | ---: |');
for (const r of results) {
  for (const [name, k] of METRICS) {
    const v = r[k];
    console.log(
      `| ${r.label} | ${name} | ${fmt(pct(v, 50))} | ${fmt(pct(v, 95))} | ${fmt(pct(v, 99))} | ${fmt(pct(v, 100))} |`,
    );
  }
}
console.log('');
for (const r of results) {
  console.log(
    `  ${r.label}: ${r.count} deliveries, ${r.missed} without a ticket.created within ${EVENT_TIMEOUT_MS} ms`,
  );
}
console.log(
  `  machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString()}`,
);

socket.close();
await app.close();
await db.stop();
await rm(dataDir, { recursive: true, force: true });
