// The ticket queue at scale (issue #4: "fast at a million tickets"): a real app on a fresh embedded PostgreSQL,
// BENCH_TICKETS tickets (default 1,000,000) loaded with SQL (the counters follow through their statement triggers),
// then real HTTP requests as an agent in 3 teams, an agent in 1 team and a manager: p50/p95/p99 per request.
// Any request slower than SLOW_MS at p95 gets every SQL statement it ran explained (ANALYZE, BUFFERS).
// Run with `pnpm bench` (builds first), or `node bench/queue.bench.mjs` after `pnpm build`.
import { pathToFileURL } from 'node:url';
import { machine, printPlan, requireApi, signIn, startBench } from './support.mjs';
import { AGENTS, loadTicketWorkspace, PASSWORD, SEARCH_WORD, TEAMS } from './ticket-load.mjs';

const { getDataSourceToken } = await import(pathToFileURL(requireApi.resolve('@nestjs/typeorm')).href);

const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 50);
const WARMUP = 5;
const SLOW_MS = Number(process.env.BENCH_SLOW_MS ?? 50);
/** A word in no subject and no handle; and a handle fragment of 11 authors (user12345, user123450 … user123459). */
const NOMATCH_WORD = 'xylophone';
const HANDLE_PART = 'user12345';

const bench = await startBench();
const { base } = bench;
const ds = bench.app.get(getDataSourceToken());

// --- 1. the data ---

const { pool, sql, detail, timings, loadSeconds } = await loadTicketWorkspace(bench, TICKETS);

const { rows: sizes } = await sql(
  `SELECT pg_size_pretty(pg_table_size('tickets')) AS heap, pg_size_pretty(pg_indexes_size('tickets')) AS indexes,
     (SELECT count(*) FROM tickets WHERE status IN ('new', 'open', 'pending'))::int AS active,
     (SELECT count(*) FROM ticket_counters)::int AS "counterRows",
     current_setting('shared_buffers') AS "sharedBuffers", current_setting('server_version') AS version`,
);

// --- 2. the requests ---

const users = {
  'agent, 3 teams': await signIn(base, 'agent1@bench.local', PASSWORD),
  'agent, 1 team': await signIn(base, 'agent2@bench.local', PASSWORD),
  manager: await signIn(base, 'manager@bench.local', PASSWORD),
};

async function get(who, path) {
  const t0 = performance.now();
  const res = await fetch(`${base}${path}`, { headers: { cookie: users[who].cookie } });
  const body = await res.json();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`GET ${path} as ${who} answered ${res.status}: ${JSON.stringify(body)}`);
  return { ms, body };
}

/** The cursor of the 20th page of the team view (following nextCursor from the first page). */
async function page20Cursor(who) {
  let cursor = null;
  for (let page = 1; page < 20; page++) {
    const { body } = await get(who, `/api/tickets?view=team${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (!body.nextCursor) throw new Error(`only ${page} pages in ${who}'s team view`);
    cursor = body.nextCursor;
  }
  return cursor;
}

const cases = [];
for (const who of Object.keys(users)) {
  const manager = who === 'manager';
  cases.push(
    [who, 'list view=team', '/api/tickets?view=team'],
    [
      who,
      'list view=team, page 20 (cursor)',
      `/api/tickets?view=team&cursor=${encodeURIComponent(await page20Cursor(who))}`,
    ],
    [who, 'list view=unassigned', '/api/tickets?view=unassigned'],
    [who, 'list view=mine', '/api/tickets?view=mine'],
    ...(manager ? [[who, 'list view=all', '/api/tickets?view=all']] : []),
    [who, 'list view=team sort=priority', '/api/tickets?view=team&sort=priority'],
    [who, 'list view=team sort=slaDue', '/api/tickets?view=team&sort=slaDue'],
    [who, 'list view=team priority=urgent', '/api/tickets?view=team&priority=urgent'],
    [who, `list view=team q=${SEARCH_WORD}`, `/api/tickets?view=team&q=${SEARCH_WORD}`],
    [who, `list view=team q=${NOMATCH_WORD} (no match)`, `/api/tickets?view=team&q=${NOMATCH_WORD}`],
    [who, `list view=team q=${HANDLE_PART} (handle)`, `/api/tickets?view=team&q=${HANDLE_PART}`],
    [who, 'counts', '/api/tickets/counts'],
    [who, 'detail (5 mentions)', `/api/tickets/${detail.id}`],
  );
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const results = [];
for (const [who, label, path] of cases) {
  for (let i = 0; i < WARMUP; i++) await get(who, path);
  const ms = [];
  let body;
  for (let i = 0; i < REQUESTS; i++) {
    const r = await get(who, path);
    ms.push(r.ms);
    body = r.body;
  }
  ms.sort((a, b) => a - b);
  const rows = Array.isArray(body.items) ? String(body.items.length) : label === 'counts' ? JSON.stringify(body) : '1';
  results.push({ who, label, path, rows, p50: pct(ms, 50), p95: pct(ms, 95), p99: pct(ms, 99) });
}

// --- 3. the slow ones: every statement of one more request, explained ---

let recording = null;
const logQuery = ds.logger.logQuery.bind(ds.logger);
ds.logger.logQuery = (query, parameters, runner) => {
  recording?.push({ query, parameters: parameters ?? [] });
  return logQuery(query, parameters, runner);
};
const explained = [];
for (const r of results.filter((x) => x.p95 > SLOW_MS)) {
  recording = [];
  await get(r.who, r.path);
  const statements = recording.filter((s) => /^\s*(SELECT|WITH)\b/i.test(s.query));
  recording = null;
  const plans = [];
  for (const s of statements) {
    const { rows } = await sql(`EXPLAIN (ANALYZE, BUFFERS) ${s.query}`, s.parameters);
    const plan = rows.map((x) => x['QUERY PLAN']);
    const ms = Number(/Execution Time: ([\d.]+)/.exec(plan.at(-1) ?? '')?.[1] ?? 0);
    plans.push({ ...s, plan, ms });
  }
  plans.sort((a, b) => b.ms - a.ms);
  explained.push({ r, plans });
}
ds.logger.logQuery = logQuery;

// --- the report ---

const f = (v) => v.toFixed(1);
const [size] = sizes;
console.log(
  `ticket queue at ${TICKETS.toLocaleString('en')} tickets (ms over ${REQUESTS} requests after ${WARMUP} warm-ups)`,
);
console.log('');
console.log('| user | request | rows | p50 | p95 | p99 |');
console.log('| --- | --- | ---: | ---: | ---: | ---: |');
for (const r of results) {
  const flag = r.p95 > SLOW_MS ? ' **slow**' : '';
  console.log(`| ${r.who} | ${r.label} | ${r.rows} | ${f(r.p50)} | ${f(r.p95)}${flag} | ${f(r.p99)} |`);
}
console.log('');
console.log(
  `load: ${loadSeconds.toFixed(1)} s in all (${timings.map(([l, s]) => `${l}: ${s.toFixed(1)} s`).join('; ')})`,
);
console.log(
  `data: ${size.active.toLocaleString('en')} active tickets, ${TEAMS} teams, ${AGENTS} agents; tickets heap ${size.heap},` +
    ` indexes ${size.indexes}; ${size.counterRows} counter rows; PostgreSQL ${size.version}, shared_buffers ${size.sharedBuffers}`,
);
const managerCounts = results.find((r) => r.who === 'manager' && r.label === 'counts');
const counted = managerCounts ? JSON.parse(managerCounts.rows).all : undefined;
console.log(
  `counters: manager's counts.all ${counted} vs COUNT(*) of active tickets ${size.active}` +
    ` (${counted === size.active ? 'equal' : 'DIFFERENT'})`,
);
console.log(`machine: ${machine()}, ${new Date().toISOString()}`);
for (const { r, plans } of explained) {
  console.log('');
  console.log(`### ${r.who}: ${r.label} (p95 ${f(r.p95)} ms), ${plans.length} statements, slowest first`);
  for (const [i, p] of plans.entries()) {
    if (i > 0 && p.ms < 5) {
      console.log(`- and ${plans.length - i} more under 5 ms each`);
      break;
    }
    console.log('');
    console.log(`#### ${f(p.ms)} ms`);
    printPlan(p);
  }
}

await pool.end();
await bench.close();
