// Insights at scale (issue #6): a real app on a fresh embedded PostgreSQL, BENCH_MENTIONS mentions (default
// 3,000,000) over 92 days loaded with SQL through the insights triggers (as production writes them), with authors,
// own and competitor brands, campaigns, and BENCH_TICKETS tickets (default 150,000, 5% of the mentions) with responses, resolutions
// and outcome tags; then the rollups are folded and every insight is requested over HTTP for a 90-day and a 7-day
// range: p50/p95/p99 per request. Also: the unique-author estimate against an exact COUNT(DISTINCT), a raw CSV
// export, and the webhook ingest with the insights triggers on and off (same database, alternating rounds).
// Run with `node bench/insights.bench.mjs` after `pnpm build`. BENCH_PANELS=care,topics times only those panels
// (and skips the author-count check and the CSV export unless authors/volume are among them); BENCH_LOAD=rebuild
// loads with the insights triggers off and then runs `insights_rebuild()` once (same tables, except `reopened`,
// which a rebuild reads from ticket events the bench does not write).
import { pathToFileURL } from 'node:url';
import { benchPool, deliver, machine, mention, printPlan, requireApi, startBench, stepTimer } from './support.mjs';

const { getDataSourceToken } = await import(pathToFileURL(requireApi.resolve('@nestjs/typeorm')).href);

const MENTIONS = Number(process.env.BENCH_MENTIONS ?? 3_000_000);
const TICKETS = Number(process.env.BENCH_TICKETS ?? 150_000);
const AUTHORS = Number(process.env.BENCH_AUTHORS ?? 300_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 30);
const WARMUP = 3;
/** Requests slower than this at p95 get each SQL statement of one more run explained (ANALYZE, BUFFERS). */
const SLOW_MS = Number(process.env.BENCH_SLOW_MS ?? 250);
const CHUNK = 250_000;
const DAYS = 92;
const TZ = 'Asia/Jakarta';
const ONLY = process.env.BENCH_PANELS ? new Set(process.env.BENCH_PANELS.split(',')) : null;
const REBUILD = process.env.BENCH_LOAD === 'rebuild';
const INSIGHT_TRIGGERS = [
  ['mentions', 'insights_mentions_insert'],
  ['mentions', 'insights_mentions_update'],
  ['mentions', 'insights_mentions_delete'],
  ['tickets', 'insights_tickets_insert'],
  ['tickets', 'insights_tickets_update'],
];

const bench = await startBench();
const { base } = bench;
const { pool, sql } = benchPool(bench, 3);
const { timings, step } = stepTimer();

// --- 1. the data ---

const tLoad = performance.now();
await sql(
  `UPDATE workspace_settings SET timezone = $1, business_hours = '{"days":[1,2,3,4,5],"start":"09:00","end":"17:00"}'`,
  [TZ],
);
const { rows: brandRows } = await sql(
  `INSERT INTO brands (name, kind, keywords) VALUES ('Own One', 'own', '{own one}'), ('Own Two', 'own', '{own two}'),
     ('Rival A', 'competitor', '{rival a}'), ('Rival B', 'competitor', '{rival b}'), ('Rival C', 'competitor', '{rival c}')
   RETURNING id, name`,
);
const brand = Object.fromEntries(brandRows.map((b) => [b.name, b.id]));
const { rows: campaignRows } = await sql(
  `INSERT INTO campaigns (name, brand_id, hashtags, starts_at)
   SELECT 'Campaign ' || g, $1, ARRAY['camp' || g], now() - interval '120 days' FROM generate_series(1, 5) g RETURNING id`,
  [brand['Own One']],
);
const { rows: teamRows } = await sql(
  `INSERT INTO teams (name, assignment_mode) SELECT 'Bench team ' || g, 'manual' FROM generate_series(1, 5) g RETURNING id`,
);
const { rows: agentRows } = await sql(
  `INSERT INTO users (email, name, role, password_hash)
   SELECT 'agent' || g || '@bench.local', 'Agent ' || g, 'agent', (SELECT password_hash FROM users LIMIT 1)
   FROM generate_series(1, 20) g RETURNING id`,
);
const { rows: tagRows } = await sql(
  `INSERT INTO tags (name, kind) VALUES ('Solved', 'outcome'), ('Refunded', 'outcome'), ('No reply needed', 'outcome')
   RETURNING id`,
);

await step(`${AUTHORS.toLocaleString('en')} authors`, async () => {
  await sql(
    `INSERT INTO authors (source_kind, external_id, handle, display_name, followers, influence, mention_count)
     SELECT (ARRAY['webhook','mastodon','bluesky','reddit'])[1 + g % 4], 'bench-author-' || g,
       'user' || g || '@forum.example.com', 'User ' || g, floor(random() ^ 4 * 50000)::int,
       floor(random() ^ 3 * 100)::int, 5
     FROM generate_series(1, $1) g`,
    [AUTHORS],
  );
  await sql(
    `CREATE UNLOGGED TABLE bench_author AS
     SELECT substring(external_id FROM 14)::int AS idx, id, source_kind FROM authors WHERE external_id LIKE 'bench-author-%'`,
  );
  await sql('ALTER TABLE bench_author ADD PRIMARY KEY (idx)');
});

const VOCABULARY = `ARRAY['delivery','coffee','beans','order','refund','voucher','login','menu','price','promo','store',
  'barista','pesanan','kecewa','enak','mahal','lambat','ramah','murah','rasa','antar','aplikasi','diskon','kopi']`;

/**
 * One chunk of mentions: posted uniformly over 92 days; authors skewed (a few prolific, most occasional);
 * brands 55% Own One, 15% Own Two, 10% Own One + Rival A, 10% Rival A, 5% each Rival B/C; 5% in a campaign;
 * 1% spam; sentiment 35/40/25 positive/neutral/negative; types uniform; text: three words of a 24-word English and
 * Indonesian vocabulary plus one of 50 hashtags (the topics).
 */
const MENTION_CHUNK_SQL = `
  INSERT INTO mentions (source_id, source_kind, external_id, text, posted_at, ingested_at, language, sentiment_label,
    sentiment_score, type, is_spam, likes, reposts, replies, author_id, brand_ids, campaign_ids, content_hash)
  SELECT $1, ba.source_kind, 'bm-' || x.g,
    'Bench ' || (${VOCABULARY})[1 + floor(x.r1 * 24)::int] || ' and ' || (${VOCABULARY})[1 + floor(x.r7 * 24)::int]
      || ' ' || (${VOCABULARY})[1 + floor(x.r7 ^ 3 * 24)::int] || ' #topic' || floor(x.r6 ^ 2 * 50)::int,
    x.posted, x.posted, 'en',
    CASE WHEN x.r2 < 0.35 THEN 'positive' WHEN x.r2 < 0.75 THEN 'neutral' ELSE 'negative' END,
    CASE WHEN x.r2 < 0.35 THEN 0.6 WHEN x.r2 < 0.75 THEN 0 ELSE -0.6 END,
    (ARRAY['question','complaint','praise','purchase_intent','promo','other'])[1 + floor(x.r5 * 6)::int],
    x.r6 < 0.01, floor(x.r5 ^ 3 * 200)::int, floor(x.r6 ^ 4 * 50)::int, floor(x.r2 ^ 3 * 30)::int, ba.id,
    CASE WHEN x.r3 < 0.55 THEN ARRAY[$4::uuid] WHEN x.r3 < 0.70 THEN ARRAY[$5::uuid]
         WHEN x.r3 < 0.80 THEN ARRAY[$4::uuid, $6::uuid] WHEN x.r3 < 0.90 THEN ARRAY[$6::uuid]
         WHEN x.r3 < 0.95 THEN ARRAY[$7::uuid] ELSE ARRAY[$8::uuid] END,
    CASE WHEN x.r4 < 0.05 THEN ARRAY[($9::uuid[])[1 + x.g % 5]] ELSE '{}'::uuid[] END,
    md5(x.g::text)
  FROM (
    SELECT g, now() - random() * interval '${DAYS} days' AS posted, random() AS r1, random() AS r2, random() AS r3,
      random() AS r4, random() AS r5, random() AS r6, random() AS r7
    FROM generate_series($2::int, $3::int) g
  ) x JOIN bench_author ba ON ba.idx = 1 + floor(x.r1 ^ 2 * ${AUTHORS - 1})::int`;

// Bulk load: the GIN indexes on brand and campaign ids are rebuilt once after the load instead of taking 3M
// incremental inserts (the insights triggers still run for every statement, as in production).
const BULK_INDEXES = ['mentions_brand_ids_idx', 'mentions_campaign_ids_idx'];
const { rows: ginDefs } = await sql(`SELECT indexname, indexdef FROM pg_indexes WHERE indexname = ANY($1)`, [
  BULK_INDEXES,
]);
for (const { indexname } of ginDefs) await sql(`DROP INDEX ${indexname}`);
if (REBUILD) for (const [table, name] of INSIGHT_TRIGGERS) await sql(`ALTER TABLE ${table} DISABLE TRIGGER ${name}`);

await step(
  `${MENTIONS.toLocaleString('en')} mentions (through the triggers, ${CHUNK.toLocaleString('en')} a statement)`,
  async () => {
    for (let from = 1; from <= MENTIONS; from += CHUNK) {
      await sql(MENTION_CHUNK_SQL, [
        bench.source.id,
        from,
        Math.min(MENTIONS, from + CHUNK - 1),
        brand['Own One'],
        brand['Own Two'],
        brand['Rival A'],
        brand['Rival B'],
        brand['Rival C'],
        campaignRows.map((c) => c.id),
      ]);
    }
  },
);

await step('GIN indexes rebuilt', async () => {
  for (const { indexdef } of ginDefs) await sql(indexdef);
});

/**
 * Tickets over the same 92 days: 90% answered (minutes skewed short, a tail of hours), 80% resolved (then 70% of
 * those closed), 3% reopened once; 5 teams, 20 agents; first-response target 4 h; half carry an outcome tag.
 */
await step(`${TICKETS.toLocaleString('en')} tickets (through the triggers)`, async () => {
  for (let from = 1; from <= TICKETS; from += CHUNK) {
    await sql(
      `INSERT INTO tickets (status, priority, team_id, assignee_id, brand_id, source_id, author_id, subject,
         sentiment_label, sentiment_score, first_response_due_at, first_responded_at, sla_breached_at, resolved_at,
         closed_at, last_activity_at, mention_count, created_at, updated_at)
       SELECT CASE WHEN x.r3 < 0.56 THEN 'closed' WHEN x.r3 < 0.8 THEN 'resolved' ELSE 'open' END, 'normal',
         ($4::uuid[])[1 + x.g % 5], ($5::uuid[])[1 + x.g % 20], $6, $1, ba.id, 'Bench ticket ' || x.g, 'negative', -0.5,
         x.created + interval '4 hours', x.responded,
         CASE WHEN x.responded IS NULL OR x.responded > x.created + interval '4 hours' THEN x.created + interval '4 hours' END,
         CASE WHEN x.r3 < 0.8 THEN coalesce(x.responded, x.created) + x.r4 ^ 2 * interval '3000 minutes' END,
         CASE WHEN x.r3 < 0.56 THEN coalesce(x.responded, x.created) + x.r4 ^ 2 * interval '3000 minutes' END,
         x.created, 1, x.created, x.created
       FROM (
         SELECT g, now() - random() * interval '${DAYS} days' AS created, random() AS r1, random() AS r3, random() AS r4,
           random() AS r2
         FROM generate_series($2::int, $3::int) g
       ) x0 CROSS JOIN LATERAL (
         SELECT x0.*, CASE WHEN x0.r2 < 0.9 THEN x0.created + (1 + x0.r1 ^ 3 * 600) * interval '1 minute' END AS responded
       ) x JOIN bench_author ba ON ba.idx = 1 + x.g % ${AUTHORS}`,
      [
        bench.source.id,
        from,
        Math.min(TICKETS, from + CHUNK - 1),
        teamRows.map((t) => t.id),
        agentRows.map((a) => a.id),
        brand['Own One'],
      ],
    );
  }
});
// Reopened: resolved → open → resolved again (the update trigger counts the reopening).
await step('3% reopened (two updates)', async () => {
  await sql(`UPDATE tickets SET status = 'open' WHERE status = 'resolved' AND number % 33 = 0`);
  await sql(
    `UPDATE tickets SET status = 'resolved' WHERE status = 'open' AND number % 33 = 0 AND resolved_at IS NOT NULL`,
  );
});
await step('outcome tags on half the tickets (one statement)', () =>
  sql(
    `INSERT INTO ticket_tags (ticket_id, tag_id) SELECT id, ($1::uuid[])[1 + number % 3] FROM tickets WHERE number % 2 = 0`,
    [tagRows.map((t) => t.id)],
  ),
);

if (REBUILD) {
  for (const [table, name] of INSIGHT_TRIGGERS) await sql(`ALTER TABLE ${table} ENABLE TRIGGER ${name}`);
  await step('insights_rebuild()', () => sql('SELECT insights_rebuild()'));
}

await step('fold + vacuum analyze', async () => {
  while ((await sql('SELECT insights_fold() + insights_care_fold() AS n')).rows[0].n > 0);
  await sql('VACUUM ANALYZE');
});
const loadSeconds = (performance.now() - tLoad) / 1000;

const { rows: sizes } = await sql(
  `SELECT (SELECT count(*) FROM mentions)::int AS mentions, (SELECT count(*) FROM tickets)::int AS tickets,
     (SELECT count(*) FROM insights_mention_rollup)::int AS "rollupRows",
     (SELECT count(*) FROM insights_author_days)::int AS "authorDayRows",
     (SELECT count(*) FROM insights_term_rollup)::int AS "termRows",
     pg_size_pretty(pg_total_relation_size('insights_term_rollup')) AS "termSize",
     pg_size_pretty(pg_total_relation_size('insights_author_days')) AS "authorDaysSize",
     pg_size_pretty(pg_total_relation_size('insights_mention_rollup')) AS "rollupSize",
     pg_size_pretty(pg_total_relation_size('mentions')) AS "mentionsSize",
     current_setting('server_version') AS version, current_setting('shared_buffers') AS "sharedBuffers"`,
);
const [size] = sizes;

// --- 2. the requests ---

const { rows: dayRows } = await sql(`SELECT to_char(now() AT TIME ZONE $1, 'YYYY-MM-DD') AS today`, [TZ]);
const today = dayRows[0].today;
const minus = (day, n) => new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const ranges = { '90 days': `from=${minus(today, 89)}&to=${today}`, '7 days': `from=${minus(today, 6)}&to=${today}` };

async function get(path) {
  const t0 = performance.now();
  const res = await fetch(`${base}${path}`, { headers: { cookie: bench.cookie } });
  const body = await res.text();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${body}`);
  return { ms, body };
}

const PANELS = [
  'volume',
  'types',
  'sentiment',
  'heatmap',
  'authors',
  'influencers',
  'campaigns',
  'purchase-intent',
  'share-of-voice',
  'care',
  'topics',
].filter((p) => !ONLY || ONLY.has(p));
let cases = [];
for (const [rangeLabel, range] of Object.entries(ranges)) {
  for (const panel of PANELS) cases.push([panel, rangeLabel, 'all', `/api/insights/${panel}?${range}`]);
}
for (const panel of ['volume', 'authors', 'care', 'topics']) {
  cases.push([panel, '90 days', 'own', `/api/insights/${panel}?${ranges['90 days']}&brandId=own`]);
  cases.push([panel, '90 days', 'Own Two', `/api/insights/${panel}?${ranges['90 days']}&brandId=${brand['Own Two']}`]);
}
cases.push([
  'volume',
  '90 days',
  'all, sourceKind=reddit',
  `/api/insights/volume?${ranges['90 days']}&sourceKind=reddit`,
]);
cases.push([
  'authors',
  '90 days',
  'all, sourceKind=reddit',
  `/api/insights/authors?${ranges['90 days']}&sourceKind=reddit`,
]);
if (ONLY) cases = cases.filter(([panel]) => ONLY.has(panel));

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const results = [];
for (const [panel, rangeLabel, brandLabel, path] of cases) {
  for (let i = 0; i < WARMUP; i++) await get(path);
  const ms = [];
  for (let i = 0; i < REQUESTS; i++) ms.push((await get(path)).ms);
  ms.sort((a, b) => a - b);
  results.push({ panel, rangeLabel, brandLabel, path, p50: pct(ms, 50), p95: pct(ms, 95), p99: pct(ms, 99) });
}

// --- the slow ones: every statement of one more request, explained ---

const ds = bench.app.get(getDataSourceToken());
let recording = null;
const logQuery = ds.logger.logQuery.bind(ds.logger);
ds.logger.logQuery = (query, parameters, runner) => {
  recording?.push({ query, parameters: parameters ?? [] });
  return logQuery(query, parameters, runner);
};
const explained = [];
for (const r of results.filter((x) => x.p95 > SLOW_MS)) {
  recording = [];
  await get(r.path);
  const statements = recording.filter((x) => /^\s*(SELECT|WITH)\b/i.test(x.query));
  recording = null;
  const plans = [];
  for (const st of statements) {
    const { rows } = await sql(`EXPLAIN (ANALYZE, BUFFERS) ${st.query}`, st.parameters);
    const plan = rows.map((x) => x['QUERY PLAN']);
    plans.push({ ...st, plan, ms: Number(/Execution Time: ([\d.]+)/.exec(plan.at(-1) ?? '')?.[1] ?? 0) });
  }
  plans.sort((a, b) => b.ms - a.ms);
  explained.push({ r, plans: plans.slice(0, 2) });
}
ds.logger.logQuery = logQuery;

// --- 3. unique authors: the estimate against the exact count ---

let authorCheck = null;
if (!ONLY || ONLY.has('authors')) {
  const authors90 = JSON.parse((await get(`/api/insights/authors?${ranges['90 days']}`)).body);
  const tExact = performance.now();
  const { rows: exactRows } = await sql(
    `SELECT count(DISTINCT author_id)::int AS n FROM mentions WHERE NOT is_spam AND posted_at >= $1 AND posted_at < $2`,
    [authors90.start, authors90.end],
  );
  authorCheck = { authors90, exactMs: performance.now() - tExact, exact: exactRows[0].n };
}

// --- 3b. care percentiles: the sampled answer against exact percentile_cont ---

let careCheck = null;
if (!ONLY || ONLY.has('care')) {
  const care90 = JSON.parse((await get(`/api/insights/care?${ranges['90 days']}`)).body);
  const { rows: exactCare } = await sql(
    `SELECT percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY first_response_min) AS fr,
       percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY first_response_bmin) AS frb,
       percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY resolution_min) AS res,
       percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY resolution_bmin) AS resb
     FROM insights_ticket_facts WHERE created_at >= $1 AND created_at < $2`,
    [care90.start, care90.end],
  );
  const e = exactCare[0];
  const t = care90.totals;
  const pairs = [
    [t.firstResponse.median, e.fr[0]],
    [t.firstResponse.p90, e.fr[1]],
    [t.firstResponse.medianBusiness, e.frb[0]],
    [t.firstResponse.p90Business, e.frb[1]],
    [t.resolution.median, e.res[0]],
    [t.resolution.p90, e.res[1]],
    [t.resolution.medianBusiness, e.resb[0]],
    [t.resolution.p90Business, e.resb[1]],
  ];
  careCheck = {
    approximate: care90.approximate,
    tickets: t.tickets,
    // Relative error; against at least one minute (a business-minutes median can be 0).
    maxError: Math.max(...pairs.map(([got, want]) => Math.abs(got - want) / Math.max(Math.abs(want), 1))),
  };
}

// --- 4. a raw CSV export (7 days), streamed ---

let csvCheck = null;
if (!ONLY || ONLY.has('volume')) {
  const rssBefore = process.memoryUsage().rss;
  const tCsv = performance.now();
  const csvRes = await fetch(`${base}/api/insights/export.csv?panel=volume&rows=raw&${ranges['7 days']}`, {
    headers: { cookie: bench.cookie },
  });
  let csvBytes = 0;
  let csvLines = 0;
  let peakRss = rssBefore;
  for await (const chunk of csvRes.body) {
    csvBytes += chunk.length;
    for (const b of chunk) if (b === 10) csvLines++;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  csvCheck = { rssBefore, csvBytes, csvLines, peakRss, csvSeconds: (performance.now() - tCsv) / 1000 };
}

// --- 5. webhook ingest with the insights triggers on and off (alternating, same database) ---

let n = 0;
function batch() {
  return {
    mentions: Array.from({ length: 100 }, () => {
      n++;
      return {
        ...mention(n, `ingest-${n}`, `ingest-author-${n % 2000}`),
        ...(n % 2 === 0 ? { inReplyToExternalId: `ingest-${n - 1}` } : {}),
      };
    }),
  };
}
const TRIGGERS = ['insights_mentions_insert', 'insights_mentions_update', 'insights_mentions_delete'];
async function triggers(on) {
  for (const t of TRIGGERS) await sql(`ALTER TABLE mentions ${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${t}`);
  await sql(`ALTER TABLE tickets ${on ? 'ENABLE' : 'DISABLE'} TRIGGER insights_tickets_insert`);
  await sql(`ALTER TABLE tickets ${on ? 'ENABLE' : 'DISABLE'} TRIGGER insights_tickets_update`);
}
const ingest = { on: [], off: [] };
for (let i = 0; i < 5; i++) await deliver(base, bench.source, batch());
for (let round = 0; round < 4; round++) {
  for (const mode of round % 2 === 0 ? ['off', 'on'] : ['on', 'off']) {
    await triggers(mode === 'on');
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      await deliver(base, bench.source, batch());
      ingest[mode].push(performance.now() - t0);
    }
  }
}
await triggers(true);

// --- the report ---

const f = (v) => v.toFixed(1);
console.log(
  `insights at ${size.mentions.toLocaleString('en')} mentions / ${size.tickets.toLocaleString('en')} tickets over ${DAYS} days,` +
    ` workspace zone ${TZ} (ms per request over ${REQUESTS} requests after ${WARMUP} warm-ups, HTTP on localhost)`,
);
console.log('');
console.log('| insight | range | brand | p50 | p95 | p99 |');
console.log('| --- | --- | --- | ---: | ---: | ---: |');
for (const r of results) {
  const flag = r.p95 > 300 ? ' **over 300**' : '';
  console.log(`| ${r.panel} | ${r.rangeLabel} | ${r.brandLabel} | ${f(r.p50)} | ${f(r.p95)}${flag} | ${f(r.p99)} |`);
}
console.log('');
if (authorCheck) {
  const { authors90, exact, exactMs } = authorCheck;
  console.log(
    `unique authors, 90 days: answered ${authors90.uniqueAuthors.toLocaleString('en')} (approximate: ${authors90.approximate}),` +
      ` exact ${exact.toLocaleString('en')} (error ${(((authors90.uniqueAuthors - exact) / exact) * 100).toFixed(2)}%;` +
      ` the exact COUNT(DISTINCT) took ${f(exactMs)} ms)`,
  );
}
if (careCheck) {
  console.log(
    `care, 90 days: ${careCheck.tickets.toLocaleString('en')} tickets, approximate: ${careCheck.approximate};` +
      ` largest error of the eight total percentiles against exact percentile_cont: ${(careCheck.maxError * 100).toFixed(2)}%`,
  );
}
if (csvCheck) {
  const { rssBefore, csvBytes, csvLines, peakRss, csvSeconds } = csvCheck;
  console.log(
    `raw CSV export, 7 days: ${csvLines.toLocaleString('en')} lines, ${(csvBytes / 2 ** 20).toFixed(1)} MiB in ${csvSeconds.toFixed(1)} s` +
      ` (${Math.round(csvLines / csvSeconds).toLocaleString('en')} rows/s); process RSS ${(rssBefore / 2 ** 20).toFixed(0)} → peak ${(peakRss / 2 ** 20).toFixed(0)} MiB`,
  );
}
const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const rate = (a) => (a.length * 100) / (a.reduce((s, x) => s + x, 0) / 1000);
console.log(
  `webhook ingest (batches of 100, one sender, 80 batches each, alternating): triggers off ${rate(ingest.off).toFixed(0)} mentions/s` +
    ` (batch p50 ${f(med(ingest.off))} ms), triggers on ${rate(ingest.on).toFixed(0)} mentions/s (batch p50 ${f(med(ingest.on))} ms)`,
);
console.log(
  `load: ${loadSeconds.toFixed(1)} s in all (${timings.map(([l, s]) => `${l}: ${s.toFixed(1)} s`).join('; ')})`,
);
console.log(
  `data: rollup ${size.rollupRows.toLocaleString('en')} rows (${size.rollupSize}), author days ${size.authorDayRows.toLocaleString('en')}` +
    ` rows (${size.authorDaysSize}), terms ${size.termRows.toLocaleString('en')} rows (${size.termSize}), mentions ${size.mentionsSize}; PostgreSQL ${size.version}, shared_buffers ${size.sharedBuffers}`,
);
console.log(`machine: ${machine()}, ${new Date().toISOString()}`);

for (const { r, plans } of explained) {
  console.log('');
  console.log(`### ${r.panel}, ${r.rangeLabel}, ${r.brandLabel} (p95 ${f(r.p95)} ms): slowest statements`);
  for (const p of plans) {
    console.log('');
    printPlan(p);
  }
}

await pool.end();
await bench.close();
