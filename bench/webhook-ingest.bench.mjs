// Webhook ingestion throughput (issue #3): a real app on a fresh embedded PostgreSQL, signed deliveries of
// 100 mentions each, one after another and 4 at a time. Run with `pnpm bench` (builds first).
import { deliver, machine, mention, startBench } from './support.mjs';

const BATCH = 100;
const SEQUENTIAL = Number(process.env.BENCH_BATCHES ?? 50);
const PARALLEL = 4;

const bench = await startBench();

let n = 0;
function batch() {
  return {
    mentions: Array.from({ length: BATCH }, () => {
      n++;
      // Half the items reply to an earlier one, so threading does real lookups.
      return {
        ...mention(n, `bench-${n}`, `author-${n % 2000}`),
        ...(n % 2 === 0 ? { inReplyToExternalId: `bench-${n - 1}` } : {}),
      };
    }),
  };
}
const send = (body) => deliver(bench.base, bench.source, body);

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
console.log(`  machine: ${machine()}`);

await bench.close();
