// How long the inbox takes to show its first page in Chromium (issue #5), with BENCH_TICKETS tickets (default
// 100,000) in the database: the production build served by the app, a signed-in agent (3 teams) and a manager,
// each view opened RUNS times in a fresh browser context (cold: nothing cached) and once more by reloading
// (warm: scripts cached). Measured from navigation start to the first ticket row painted, plus the initial
// JavaScript size. Run with `pnpm bench` (builds first), or `node bench/inbox-first-page.bench.mjs` after `pnpm build`.
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { measureBundle } from '../scripts/bundle-size.mjs';
import { machine, signIn, startBench } from './support.mjs';
import { loadTicketWorkspace, PASSWORD } from './ticket-load.mjs';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const webDist = fileURLToPath(new URL('../apps/web/dist/', import.meta.url));
/** A ticket of the inbox list (`list "Tickets"`), painted with its subject link. */
const FIRST_ROW = 'ul[aria-label="Tickets"] > li a';

const bundle = measureBundle(webDist);
const bench = await startBench({ webDist });
const { pool, loadSeconds } = await loadTicketWorkspace(bench, TICKETS);
await pool.end();

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

async function firstPageMs(page, path) {
  const t0 = Date.now();
  await page.goto(`${bench.base}${path}`, { waitUntil: 'commit' });
  await page.locator(FIRST_ROW).first().waitFor({ state: 'visible', timeout: 30_000 });
  return Date.now() - t0;
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const results = [];
for (const [who, email] of [
  ['agent, 3 teams', 'agent1@bench.local'],
  ['manager', 'manager@bench.local'],
]) {
  const session = await signIn(bench.base, email, PASSWORD);
  const cookies = session.cookie.split('; ').map((pair) => {
    const [name, ...rest] = pair.split('=');
    return { name, value: rest.join('='), url: bench.base };
  });
  for (const view of ['unassigned', 'team']) {
    const cold = [];
    let warm = 0;
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
      await context.addCookies(cookies);
      const page = await context.newPage();
      cold.push(await firstPageMs(page, `/inbox/${view}`));
      if (run === RUNS - 1) warm = await firstPageMs(page, `/inbox/${view}`);
      await context.close();
    }
    cold.sort((a, b) => a - b);
    results.push({ who, view, p50: pct(cold, 50), p95: pct(cold, 95), warm });
  }
}
await browser.close();
await bench.close();

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`\nInbox first page in Chromium — ${new Date().toISOString().slice(0, 10)}, ${machine()}`);
console.log(
  `data: ${TICKETS.toLocaleString('en')} tickets (loaded in ${loadSeconds.toFixed(1)} s), ${RUNS} cold runs each`,
);
console.log(
  `initial JavaScript: ${kb(bundle.total.raw)}, ${kb(bundle.total.gzip)} gzipped (${bundle.files.length} files)\n`,
);
console.log('| who | view | cold p50 | cold p95 | warm (reload) |');
console.log('|---|---|---:|---:|---:|');
for (const r of results) console.log(`| ${r.who} | ${r.view} | ${r.p50} ms | ${r.p95} ms | ${r.warm} ms |`);
