// The ticket workspace the queue benchmarks load: teams, agents, authors and TICKETS tickets written with SQL
// (the counters follow through their statement triggers), plus first mentions of the most recent tickets.
// Shared by bench/queue.bench.mjs (HTTP at a million tickets) and bench/inbox-first-page.bench.mjs (Chromium).
import { benchPool, stepTimer } from './support.mjs';

export const PASSWORD = 'bench-agent-password-123';
export const SEARCH_WORD = 'refund';

const CHUNK = 100_000;
const AUTHORS = 200_000;
export const TEAMS = 10;
export const AGENTS = 50;
/** Tickets (the most recent by activity) that get their first mention stored: the list does not need mentions. */
const MENTIONED = (tickets) => Math.min(50_000, tickets);

const LOAD_PARALLEL = 2;

/** Subjects (one in 16 has SEARCH_WORD) with the sentiment their mention would get. */
const SUBJECTS = [
  ['Where is my order? It has been a week already', 'negative'],
  ['Pesanan saya belum sampai, kecewa banget', 'negative'],
  ['Love the new menu, great coffee!', 'positive'],
  ['How much is the large bag of beans?', 'neutral'],
  ['Aplikasinya lemot banget gak bisa login', 'negative'],
  ['Thanks for the quick help yesterday', 'positive'],
  ['Mau beli voucher, caranya gimana ya?', 'neutral'],
  ['Delivery was late again and the drink was cold', 'negative'],
  [`I want a ${SEARCH_WORD} for my last order`, 'negative'],
  ['Is the store on Main Street open on Sunday?', 'neutral'],
  ['Promo code does not work at checkout', 'negative'],
  ['Can I change my delivery address?', 'neutral'],
  ['Kopi susunya enak banget, mantap', 'positive'],
  ['My card was charged twice', 'negative'],
  ['Do you have oat milk now?', 'neutral'],
  ['Barista was super friendly today', 'positive'],
];

/**
 * Loads the workspace into the bench app's database. Returns the pool (end it when done), `sql`, the team and
 * agent ids, the ticket the detail request opens, and how long each step took.
 */
export async function loadTicketWorkspace(bench, TICKETS) {
  const { base } = bench;
  const { pool, sql } = benchPool(bench, LOAD_PARALLEL + 1);
  const { timings, step } = stepTimer();

  const adminCsrf = decodeURIComponent(/dengar_csrf=([^;]+)/.exec(bench.cookie)?.[1] ?? '');
  async function createUser(email, role) {
    const res = await fetch(`${base}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: bench.cookie, 'x-csrf-token': adminCsrf },
      body: JSON.stringify({ email, name: email.split('@')[0], role, password: PASSWORD }),
    });
    if (res.status !== 201) throw new Error(`POST /api/users answered ${res.status}: ${await res.text()}`);
    return (await res.json()).id;
  }

  const tLoad = performance.now();
  await createUser('manager@bench.local', 'manager');
  const agentIds = [await createUser('agent1@bench.local', 'agent')];
  const { rows: teamRows } = await sql(
    `INSERT INTO teams (name, assignment_mode) SELECT 'Bench team ' || g, 'manual' FROM generate_series(1, $1) g
     RETURNING id`,
    [TEAMS],
  );
  const teamIds = teamRows.map((r) => r.id);
  // The other agents by SQL, with the API-made agent's password hash (argon2 per user would cost seconds).
  const { rows: more } = await sql(
    `INSERT INTO users (email, name, role, password_hash)
     SELECT 'agent' || g || '@bench.local', 'Agent ' || g, 'agent', (SELECT password_hash FROM users WHERE id = $1)
     FROM generate_series(2, $2) g ORDER BY g RETURNING id`,
    [agentIds[0], AGENTS],
  );
  agentIds.push(...more.map((r) => r.id));
  // Agent 1: teams 0–2 (the largest); agent 2: team 0 only; the others 1–3 teams each, every team covered.
  const membership = agentIds.map((_, i) => {
    if (i === 0) return [0, 1, 2];
    if (i === 1) return [0];
    return [...new Set(Array.from({ length: 1 + (i % 3) }, (_, k) => (i * 7 + k * 3) % TEAMS))];
  });
  await sql(`INSERT INTO team_members (team_id, user_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`, [
    membership.flatMap((teams) => teams.map((t) => teamIds[t])),
    membership.flatMap((teams, i) => teams.map(() => agentIds[i])),
  ]);
  await sql(`CREATE UNLOGGED TABLE bench_pick (idx int PRIMARY KEY, team_id uuid NOT NULL, members uuid[] NOT NULL)`);
  await sql(
    `INSERT INTO bench_pick SELECT i - 1, t, ARRAY(SELECT user_id FROM team_members WHERE team_id = t ORDER BY user_id)
     FROM unnest($1::uuid[]) WITH ORDINALITY AS x(t, i)`,
    [teamIds],
  );

  await step(`${AUTHORS.toLocaleString('en')} authors`, async () => {
    await sql(
      `INSERT INTO authors (source_kind, external_id, handle, display_name, followers, influence, mention_count,
         first_seen_at)
       SELECT 'webhook', 'bench-author-' || g, 'user' || g || '@forum.example.com', 'User ' || g,
         floor(random() ^ 4 * 50000)::int, floor(random() ^ 3 * 100)::int, 5, now() - random() * interval '365 days'
       FROM generate_series(1, $1) g`,
      [AUTHORS],
    );
    await sql(
      `CREATE UNLOGGED TABLE bench_author AS
       SELECT substring(external_id FROM 14)::int AS idx, id FROM authors WHERE external_id LIKE 'bench-author-%'`,
    );
    await sql('ALTER TABLE bench_author ADD PRIMARY KEY (idx)');
  });

  /**
   * One chunk of tickets. Mix: 15% active (new 4.5%, open 6.5%, pending 4%), 5% resolved in the last 6 days, 80%
   * closed; teams skewed (the first ~22%, the last ~7%); 40% of active and 92% of the others assigned to a member
   * of the ticket's team; activity over 90 days (active ones skewed recent); priorities urgent 3%, high 15%,
   * normal 70%, low 12%; SLA targets by priority, responded late 23% of the time; overdue unanswered `new` ones
   * are already marked breached (so the breach job has nothing to do while measuring).
   */
  const TICKET_CHUNK_SQL = `
  INSERT INTO tickets (status, priority, team_id, assignee_id, source_id, author_id, subject, sentiment_label,
    sentiment_score, first_response_due_at, first_responded_at, sla_breached_at, resolved_at, closed_at,
    last_activity_at, waiting_since, mention_count, created_at, updated_at)
  SELECT s.status, s.priority, p.team_id,
    CASE WHEN s.assigned THEN p.members[1 + floor(s.rm * cardinality(p.members))::int] END,
    $3::uuid, a.id, s.subject, s.sentiment, s.score,
    s.created + s.sla,
    CASE WHEN s.status <> 'new' THEN s.created + s.sla * s.rr END,
    CASE WHEN s.status = 'new' AND s.created + s.sla <= now() THEN s.created + s.sla
         WHEN s.status <> 'new' AND s.rr > 1 THEN s.created + s.sla END,
    CASE WHEN s.status IN ('resolved', 'closed') THEN s.la END,
    CASE WHEN s.status = 'closed' THEN s.la END,
    s.la,
    CASE WHEN s.status IN ('new', 'open') THEN s.la END,
    s.mentions, s.created, s.la
  FROM (
    SELECT q.*, q.la - q.rc * CASE WHEN q.status = 'new' THEN interval '2 hours' ELSE interval '3 days' END AS created
    FROM (
      SELECT r.*,
        CASE WHEN r.status IN ('new', 'open', 'pending') THEN now() - r.rl ^ 2 * interval '90 days'
             WHEN r.status = 'resolved' THEN now() - r.rl * interval '6 days'
             ELSE now() - r.rl * interval '90 days' END AS la,
        CASE r.priority WHEN 'urgent' THEN interval '1 hour' WHEN 'high' THEN interval '4 hours'
             WHEN 'normal' THEN interval '24 hours' ELSE interval '72 hours' END AS sla,
        ($4::text[])[1 + r.tw] || ' #' || r.g AS subject,
        ($5::text[])[1 + r.tw] AS sentiment,
        CASE WHEN r.status IN ('new', 'open', 'pending') THEN r.ra < 0.4 ELSE r.ra < 0.92 END AS assigned
      FROM (
        SELECT g,
          CASE WHEN rs < 0.045 THEN 'new' WHEN rs < 0.11 THEN 'open' WHEN rs < 0.15 THEN 'pending'
               WHEN rs < 0.20 THEN 'resolved' ELSE 'closed' END AS status,
          CASE WHEN rp < 0.03 THEN 'urgent' WHEN rp < 0.18 THEN 'high' WHEN rp < 0.88 THEN 'normal' ELSE 'low' END
            AS priority,
          floor(rt ^ 1.5 * ${TEAMS})::int AS team_idx, 1 + floor(rau * ${AUTHORS})::int AS author_idx,
          floor(rw * ${SUBJECTS.length})::int AS tw,
          ra, rm, rl, rc, random() * 1.3 AS rr, random()::real AS score, 1 + floor(random() ^ 4 * 5)::int AS mentions
        FROM (
          SELECT g, random() AS rs, random() AS rp, random() AS rt, random() AS rau, random() AS rw, random() AS ra,
            random() AS rm, random() AS rl, random() AS rc
          FROM generate_series($1::int, $2::int) g
        ) x
      ) r
    ) q
  ) s
  JOIN bench_pick p ON p.idx = s.team_idx
  JOIN bench_author a ON a.idx = s.author_idx`;

  await step(`${TICKETS.toLocaleString('en')} tickets (chunks of ${CHUNK.toLocaleString('en')})`, async () => {
    const chunks = Array.from({ length: Math.ceil(TICKETS / CHUNK) }, (_, i) => i);
    await Promise.all(
      Array.from({ length: LOAD_PARALLEL }, async () => {
        const client = await pool.connect();
        try {
          await client.query('SET synchronous_commit = off');
          for (let c = chunks.shift(); c !== undefined; c = chunks.shift()) {
            await client.query('SELECT setseed($1)', [(c + 1) / 1000]);
            await client.query(TICKET_CHUNK_SQL, [
              c * CHUNK + 1,
              Math.min(TICKETS, (c + 1) * CHUNK),
              bench.source.id,
              SUBJECTS.map((s) => s[0]),
              SUBJECTS.map((s) => s[1]),
            ]);
          }
        } finally {
          client.release();
        }
      }),
    );
  });

  await step(`${MENTIONED(TICKETS).toLocaleString('en')} mentions (first of the most recent tickets)`, () =>
    sql(
      `INSERT INTO mentions (source_id, source_kind, external_id, url, text, posted_at, sentiment_label,
         sentiment_score, type, author_id, ticket_id, content_hash, language)
       SELECT t.source_id, 'webhook', 'bench-m-' || t.number, 'https://forum.example.com/p/' || t.number, t.subject,
         t.created_at, t.sentiment_label, t.sentiment_score,
         CASE t.sentiment_label WHEN 'negative' THEN 'complaint' WHEN 'positive' THEN 'praise' ELSE 'question' END,
         t.author_id, t.id, md5(t.subject), 'en'
       FROM (SELECT * FROM tickets ORDER BY last_activity_at DESC LIMIT $1) t`,
      [MENTIONED(TICKETS)],
    ),
  );

  // The ticket the detail request opens: the newest active one of team 0 (both agents and the manager see it),
  // with 4 more mentions after its first.
  const {
    rows: [detail],
  } = await sql(
    `SELECT id, number FROM tickets WHERE team_id = $1 AND status IN ('new', 'open', 'pending')
     ORDER BY last_activity_at DESC, id DESC LIMIT 1`,
    [teamIds[0]],
  );
  await sql(
    `INSERT INTO mentions (source_id, source_kind, external_id, text, posted_at, sentiment_label, sentiment_score,
       type, author_id, ticket_id, content_hash, language)
     SELECT t.source_id, 'webhook', 'bench-detail-' || k, 'Any news on this? (' || k || ')',
       t.created_at + k * interval '10 minutes', 'negative', -0.5, 'complaint', t.author_id, t.id,
       md5('detail' || k), 'en'
     FROM tickets t, generate_series(1, 4) k WHERE t.id = $1`,
    [detail.id],
  );
  await sql('UPDATE tickets SET mention_count = 5 WHERE id = $1', [detail.id]);
  await sql('DROP TABLE bench_pick, bench_author');

  // VACUUM as well as ANALYZE: a live database has its visibility map and hint bits set by autovacuum, which would
  // otherwise start on the fresh tables in the middle of the measurements.
  await step('VACUUM ANALYZE', () => sql('VACUUM ANALYZE'));
  const loadSeconds = (performance.now() - tLoad) / 1000;

  return { pool, sql, teamIds, agentIds, detail, timings, loadSeconds };
}
