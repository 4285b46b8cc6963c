// Realtime latency: how long from a webhook delivery's COMMIT to the `ticket.created` socket event at a client.
// A real app on a fresh embedded PostgreSQL, a socket.io client logged in as the admin, N signed deliveries of one
// mention each (a new author each, so each opens a ticket), one sender at a time and then 4 at a time.
// Run with `pnpm bench` (builds first), or `node bench/realtime-latency.bench.mjs` after `pnpm build`.
import { setTimeout as sleep } from 'node:timers/promises';
import { deliver, machine, mention, requireApi, startBench } from './support.mjs';

const { io } = requireApi('socket.io-client');

const N = Number(process.env.BENCH_LATENCY_N ?? 300);
const PARALLEL = 4;
const WARMUP = 10;
const GAP_MS = [20, 50];
/** A delivery whose event has not arrived by then counts as missed (the relay's fallback poll is 2 s). */
const EVENT_TIMEOUT_MS = 5_000;

const bench = await startBench();
const { base, cookie } = bench;

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

let n = 0;
const deliveries = new Map(); // externalId → { t0, tResp }

/** One signed delivery of one mention by a new author; records t0 (just before fetch) and tResp (202). */
async function send() {
  n++;
  const externalId = `lat-${n}`;
  const body = { mentions: [mention(n, externalId, `lat-author-${n}`)] };
  deliveries.set(externalId, await deliver(base, bench.source, body));
  return externalId;
}

const gap = () => sleep(GAP_MS[0] + Math.random() * (GAP_MS[1] - GAP_MS[0]));

/** externalId → ticketId for every mention of the bench source, read back through the API. */
async function ticketsByExternalId() {
  const map = new Map();
  let cursor = null;
  do {
    const q = new URLSearchParams({
      sourceId: bench.source.id,
      spam: 'any',
      limit: '100',
      ...(cursor ? { cursor } : {}),
    });
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
console.log(`  machine: ${machine()}, ${new Date().toISOString()}`);

socket.close();
await bench.close();
