import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Insights (SPEC §8) read rollups, not mentions: statement-level AFTER triggers with transition tables turn each
 * INSERT/UPDATE/DELETE statement on `mentions` into a few aggregated delta rows (15-minute UTC buckets, so every
 * zone offset — including +05:30 and +05:45 — maps onto whole buckets), which `insights_fold()` moves into the
 * rollups; reads sum rollup + unfolded deltas. Unique authors live in a per-(brand, local day, author) table
 * read with a k-minimum-values sketch; tickets keep one fact row each for the care metrics. These tables have no
 * TypeORM entities (the insights repository speaks SQL to them): the schema check ignores them, and TypeORM
 * leaves triggers alone. Written by hand: TypeORM cannot describe triggers or functions.
 */
export class InsightsRollups1795820000000 implements MigrationInterface {
  name = 'InsightsRollups1795820000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
    // Mentions and tickets that exist already (a database upgraded in place).
    await queryRunner.query(`SELECT insights_rebuild()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}

const COUNT_COLUMNS = `"n" integer NOT NULL, "positive" integer NOT NULL, "neutral" integer NOT NULL, "negative" integer NOT NULL,
  "question" integer NOT NULL, "complaint" integer NOT NULL, "praise" integer NOT NULL, "purchase_intent" integer NOT NULL,
  "promo" integer NOT NULL, "other" integer NOT NULL, "engagement" bigint NOT NULL, "reach" bigint NOT NULL`;

const CAMPAIGN_COLUMNS = `"n" integer NOT NULL, "positive" integer NOT NULL, "neutral" integer NOT NULL, "negative" integer NOT NULL,
  "engagement" bigint NOT NULL, "reach" bigint NOT NULL`;

const SUMS = `sum(c.sign)::int, sum(CASE WHEN c.sentiment_label = 'positive' THEN c.sign ELSE 0 END)::int,
  sum(CASE WHEN c.sentiment_label = 'neutral' THEN c.sign ELSE 0 END)::int,
  sum(CASE WHEN c.sentiment_label = 'negative' THEN c.sign ELSE 0 END)::int`;

const TYPE_SUMS = ['question', 'complaint', 'praise', 'purchase_intent', 'promo', 'other']
  .map((t) => `sum(CASE WHEN c.type = '${t}' THEN c.sign ELSE 0 END)::int`)
  .join(', ');

/**
 * One statement shared by the mention triggers and the rebuild: `changes` is every affected non-spam row with
 * `sign` +1 (new state) or −1 (old state), so an edit nets to its difference. Data-modifying CTEs: one statement,
 * no temporary table (catalog writes per ingest batch would cost more than the aggregation). Needs `tz`.
 */
function applyChanges(changes: string, changedIds?: string): string {
  return `
  WITH ${changedIds ? `changed_ids AS MATERIALIZED (${changedIds}),` : ''} brand_kinds AS MATERIALIZED (
    SELECT coalesce(array_agg(id) FILTER (WHERE kind = 'own'), '{}') AS own,
      coalesce(array_agg(id) FILTER (WHERE kind = 'competitor'), '{}') AS competitor
    FROM brands
  ), c AS MATERIALIZED (
    SELECT c.*, a.followers, a.influence, (c.posted_at AT TIME ZONE tz)::date AS day,
      ${BRAND_KEYS('c.brand_ids', 'bk')} AS keys
    FROM (${changes}) c JOIN authors a ON a.id = c.author_id CROSS JOIN brand_kinds bk
  ), mention_delta AS (
    INSERT INTO insights_mention_delta
    SELECT c.key, c.bucket, CASE WHEN GROUPING(c.source_kind) = 1 THEN '*' ELSE c.source_kind END, ${SUMS}, ${TYPE_SUMS},
      sum(c.sign * c.engagement), sum(c.sign * c.followers::bigint)
    FROM (SELECT c.*, k.key, date_bin('15 minutes', c.posted_at, '2000-01-01 00:00:00+00') AS bucket
          FROM c CROSS JOIN LATERAL unnest(c.keys) AS k(key)) c
    -- Per source kind, and '*' for all kinds together (what most reads want: a quarter of the rows).
    GROUP BY GROUPING SETS ((c.key, c.bucket, c.source_kind), (c.key, c.bucket))
  ), campaign_delta AS (
    INSERT INTO insights_campaign_delta
    SELECT k.id, date_bin('15 minutes', c.posted_at, '2000-01-01 00:00:00+00'), c.source_kind, ${SUMS},
      sum(c.sign * c.engagement), sum(c.sign * c.followers::bigint)
    FROM c CROSS JOIN LATERAL unnest(c.campaign_ids) AS k(id)
    GROUP BY 1, 2, 3
  ), term_delta AS (
    -- Topics: each distinct term of a mention once (insights_terms), per brand key × local day, per source kind and '*'.
    INSERT INTO insights_term_delta
    SELECT t.key, CASE WHEN GROUPING(t.source_kind) = 1 THEN '*' ELSE t.source_kind END, t.day, t.term,
      ${SUMS.replace(/c\./g, 't.')}
    FROM (SELECT c.sign, c.sentiment_label, c.source_kind, c.day, k.key, w.term
          FROM c CROSS JOIN LATERAL insights_terms(c.text) AS w(term) CROSS JOIN LATERAL unnest(c.keys) AS k(key)) t
    GROUP BY GROUPING SETS ((t.key, t.day, t.source_kind, t.term), (t.key, t.day, t.term))
  ), author_days AS (
    INSERT INTO insights_author_days AS d (brand_key, day, author_id, source_kind, h, n, negative, positive, engagement, influence)
    SELECT k.key, c.day, c.author_id, min(c.source_kind), insights_author_hash(c.author_id), sum(c.sign)::int,
      sum(CASE WHEN c.sentiment_label = 'negative' THEN c.sign ELSE 0 END)::int,
      sum(CASE WHEN c.sentiment_label = 'positive' THEN c.sign ELSE 0 END)::int,
      sum(c.sign * c.engagement), max(c.influence)
    FROM c CROSS JOIN LATERAL unnest(c.keys) AS k(key)
    GROUP BY 1, 3, 2
    ORDER BY 1, 3, 2
    ON CONFLICT (brand_key, author_id, day) DO UPDATE SET n = d.n + EXCLUDED.n, negative = d.negative + EXCLUDED.negative,
      positive = d.positive + EXCLUDED.positive, engagement = d.engagement + EXCLUDED.engagement,
      influence = greatest(d.influence, EXCLUDED.influence)
  )
  INSERT INTO insights_author_first AS f (brand_key, author_id, source_kind, first_day)
  SELECT k.key, c.author_id, min(c.source_kind), min(c.day)
  FROM c CROSS JOIN LATERAL unnest(c.keys) AS k(key)
  WHERE c.sign > 0
  GROUP BY 1, 2
  ORDER BY 1, 2
  ON CONFLICT (brand_key, author_id) DO UPDATE SET first_day = EXCLUDED.first_day
    WHERE EXCLUDED.first_day < f.first_day;`;
}

/**
 * Words of 4+ letters that say nothing about a topic, English and Indonesian (shorter words never count). Lowercase
 * ASCII letters only (they go into an array literal).
 */
const STOPWORDS = `
  about above after again against also always anyone anything been before being below between both cannot could
  does doing done down during each else even every from further give have having here hers herself himself into
  itself just know like made make many more most much must myself need only other ours ourselves over same should
  since some still such than that their theirs them themselves then there these they thing think this those though
  through under until upon very want well were what when where which while whom will with would your yours yourself
  yourselves really http https
  yang dengan untuk dari pada juga sudah akan tidak bisa saya kami kita mereka anda kamu atau tapi tetapi karena
  jadi dalam oleh sebagai lebih sangat masih hanya belum harus bahwa seperti agar kalau jika namun sama semua setiap
  telah sedang lagi banget sini sana gimana kenapa dong udah saja pernah begitu sekali para kapan mana siapa
  bagaimana apakah adalah ialah serta hingga sampai setelah sebelum ketika selama tersebut dapat boleh punya nggak
  enggak ngga yaitu yakni antara terhadap kepada bagi tentang sejak pula lalu kemudian maka sini situ aku dia
  mereka kalian begini sesuatu banyak
`
  .split(/\s+/)
  .filter((w) => /^[a-z]{4,}$/.test(w));

const MENTION_TRACKED = (t: string) =>
  ['posted_at', 'source_kind', 'sentiment_label', 'type', 'is_spam', 'likes', 'reposts', 'replies', 'author_id']
    .concat(['brand_ids', 'campaign_ids', 'text'])
    .map((c) => `${t}.${c}`)
    .join(', ');

/** A statement-level trigger function over `applyChanges`; with `changedIds`, only over those rows. */
function mentionTrigger(name: string, changes: string, changedIds?: string): string {
  const early = changedIds ? `IF NOT EXISTS (${changedIds}) THEN RETURN NULL; END IF;` : '';
  return `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      tz text;
    BEGIN
      ${early}
      tz := coalesce((SELECT timezone FROM workspace_settings WHERE id = 1), 'UTC');
      ${applyChanges(changes, changedIds)}
      RETURN NULL;
    END
  $$`;
}

/**
 * The rollup keys a mention counts under: all brands (nil uuid), each of its brands, and the own/competitor groups
 * (once each, however many of the group's brands it names). Inline array maths over one read of `brands` per
 * statement: a per-row function with a sub-select cost 60 µs a mention.
 */
const BRAND_KEYS = (ids: string, kinds: string) =>
  `ARRAY['00000000-0000-0000-0000-000000000000'::uuid] || ${ids}
   || CASE WHEN ${ids} && ${kinds}.own THEN ARRAY['00000000-0000-0000-0000-000000000001'::uuid] ELSE '{}'::uuid[] END
   || CASE WHEN ${ids} && ${kinds}.competitor THEN ARRAY['00000000-0000-0000-0000-000000000002'::uuid] ELSE '{}'::uuid[] END`;

const MENTION_COLUMNS = `id, posted_at, source_kind, sentiment_label, type, (likes + reposts + replies)::bigint AS engagement,
  author_id, brand_ids, campaign_ids, text`;

const TICKET_FACTS_SELECT = `
  SELECT t.id, t.created_at, t.team_id, t.assignee_id, t.brand_id, s.kind, t.priority, t.status,
    CASE WHEN t.first_responded_at IS NOT NULL THEN extract(epoch FROM t.first_responded_at - t.created_at) / 60 END,
    CASE WHEN t.first_responded_at IS NOT NULL
      THEN insights_business_minutes(t.created_at, t.first_responded_at, ws.business_hours, coalesce(ws.timezone, 'UTC')) END,
    CASE WHEN t.resolved_at IS NOT NULL AND t.status IN ('resolved', 'closed')
      THEN extract(epoch FROM t.resolved_at - t.created_at) / 60 END,
    CASE WHEN t.resolved_at IS NOT NULL AND t.status IN ('resolved', 'closed')
      THEN insights_business_minutes(t.created_at, t.resolved_at, ws.business_hours, coalesce(ws.timezone, 'UTC')) END,
    CASE WHEN t.first_responded_at IS NOT NULL AND t.first_response_due_at IS NOT NULL
           THEN t.first_responded_at <= t.first_response_due_at
         WHEN t.sla_breached_at IS NOT NULL THEN false END`;

const TICKET_FACTS_UPSERT = `
  ON CONFLICT (ticket_id) DO UPDATE SET created_at = EXCLUDED.created_at, team_id = EXCLUDED.team_id, assignee_id = EXCLUDED.assignee_id,
    brand_id = EXCLUDED.brand_id, priority = EXCLUDED.priority, status = EXCLUDED.status,
    first_response_min = EXCLUDED.first_response_min, first_response_bmin = EXCLUDED.first_response_bmin,
    resolution_min = EXCLUDED.resolution_min, resolution_bmin = EXCLUDED.resolution_bmin, sla_hit = EXCLUDED.sla_hit,
    reopened = f.reopened + EXCLUDED.reopened`;

const UP: string[] = [
  `CREATE TABLE "insights_mention_rollup" ("brand_key" uuid NOT NULL, "bucket" TIMESTAMP WITH TIME ZONE NOT NULL,
    "source_kind" character varying(16) NOT NULL, ${COUNT_COLUMNS},
    CONSTRAINT "insights_mention_rollup_pkey" PRIMARY KEY ("brand_key", "bucket", "source_kind"))`,
  `CREATE TABLE "insights_mention_delta" ("brand_key" uuid NOT NULL, "bucket" TIMESTAMP WITH TIME ZONE NOT NULL,
    "source_kind" character varying(16) NOT NULL, ${COUNT_COLUMNS})`,
  `CREATE TABLE "insights_campaign_rollup" ("campaign_id" uuid NOT NULL, "bucket" TIMESTAMP WITH TIME ZONE NOT NULL,
    "source_kind" character varying(16) NOT NULL, ${CAMPAIGN_COLUMNS},
    CONSTRAINT "insights_campaign_rollup_pkey" PRIMARY KEY ("campaign_id", "bucket", "source_kind"))`,
  `CREATE INDEX "insights_campaign_rollup_bucket_idx" ON "insights_campaign_rollup" ("bucket")`,
  `CREATE TABLE "insights_campaign_delta" ("campaign_id" uuid NOT NULL, "bucket" TIMESTAMP WITH TIME ZONE NOT NULL,
    "source_kind" character varying(16) NOT NULL, ${CAMPAIGN_COLUMNS})`,
  `CREATE TABLE "insights_author_days" ("brand_key" uuid NOT NULL, "day" date NOT NULL, "author_id" uuid NOT NULL,
    "source_kind" character varying(16) NOT NULL, "h" bigint NOT NULL, "n" integer NOT NULL, "negative" integer NOT NULL,
    "positive" integer NOT NULL, "engagement" bigint NOT NULL, "influence" smallint NOT NULL,
    CONSTRAINT "insights_author_days_pkey" PRIMARY KEY ("brand_key", "author_id", "day"))`,
  // The sketch reads the k smallest hashes of each day from here, index-only.
  `CREATE INDEX "insights_author_days_sketch_idx" ON "insights_author_days" ("brand_key", "day", "h") INCLUDE ("source_kind", "n")`,
  // Influencers, highest influence first (only authors with some reach, so the index stays small); their counts
  // then come from the primary key, per author.
  `CREATE INDEX "insights_author_days_influencer_idx" ON "insights_author_days" ("brand_key", "influence" DESC,
    "author_id") INCLUDE ("day", "source_kind", "n") WHERE "influence" >= 25`,
  `CREATE TABLE "insights_author_first" ("brand_key" uuid NOT NULL, "author_id" uuid NOT NULL,
    "source_kind" character varying(16) NOT NULL, "first_day" date NOT NULL,
    CONSTRAINT "insights_author_first_pkey" PRIMARY KEY ("brand_key", "author_id"))`,
  `CREATE INDEX "insights_author_first_day_idx" ON "insights_author_first" ("brand_key", "first_day") INCLUDE ("source_kind")`,
  // Topics: mentions per term × brand key × local day × source kind ('*' = all kinds), and their sentiment.
  `CREATE TABLE "insights_term_rollup" ("brand_key" uuid NOT NULL, "source_kind" character varying(16) NOT NULL,
    "day" date NOT NULL, "term" character varying(64) NOT NULL, "n" integer NOT NULL, "positive" integer NOT NULL,
    "neutral" integer NOT NULL, "negative" integer NOT NULL,
    CONSTRAINT "insights_term_rollup_pkey" PRIMARY KEY ("brand_key", "source_kind", "day", "term"))`,
  `CREATE TABLE "insights_term_delta" ("brand_key" uuid NOT NULL, "source_kind" character varying(16) NOT NULL,
    "day" date NOT NULL, "term" character varying(64) NOT NULL, "n" integer NOT NULL, "positive" integer NOT NULL,
    "neutral" integer NOT NULL, "negative" integer NOT NULL)`,
  `CREATE TABLE "insights_ticket_facts" ("ticket_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
    "team_id" uuid NOT NULL, "assignee_id" uuid, "brand_id" uuid, "source_kind" character varying(16) NOT NULL,
    "priority" character varying(16) NOT NULL, "status" character varying(16) NOT NULL,
    "first_response_min" double precision, "first_response_bmin" double precision, "resolution_min" double precision,
    "resolution_bmin" double precision, "sla_hit" boolean, "reopened" integer NOT NULL DEFAULT 0,
    "sample" smallint GENERATED ALWAYS AS (get_byte(uuid_send("ticket_id"), 15) & 63) STORED,
    CONSTRAINT "insights_ticket_facts_pkey" PRIMARY KEY ("ticket_id"),
    CONSTRAINT "insights_ticket_facts_ticket_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE)`,
  `CREATE INDEX "insights_ticket_facts_created_idx" ON "insights_ticket_facts" ("created_at") INCLUDE ("team_id",
    "assignee_id", "brand_id", "source_kind", "first_response_min", "first_response_bmin", "resolution_min",
    "resolution_bmin", "sla_hit", "reopened")`,
  // Care percentiles over a long range read a random sample: tickets whose id's last byte falls in the first
  // k of 64 strata (the ids are random), k chosen for about 20,000 tickets (docs/insights.md).
  `CREATE INDEX "insights_ticket_facts_sample_idx" ON "insights_ticket_facts" ("sample", "created_at") INCLUDE ("team_id",
    "assignee_id", "brand_id", "source_kind", "first_response_min", "first_response_bmin", "resolution_min",
    "resolution_bmin")`,

  // The terms of a mention's text (docs/insights.md, Topics): hashtags, and words of 4+ letters that are not
  // English or Indonesian stopwords; lowercased, links and @handles left out, each term once.
  `CREATE FUNCTION insights_terms(body text) RETURNS SETOF text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT DISTINCT m[1] FROM regexp_matches(
      lower(regexp_replace(body, '(https?://|www\\.)[^[:space:]]*|@[^[:space:]]*', ' ', 'g')),
      '(#[[:alnum:]_]{2,}|[[:alpha:]]{4,})', 'g') AS m
    WHERE length(m[1]) <= 64 AND m[1] <> ALL ('{${STOPWORDS.join(',')}}'::text[])
  $$`,
  // A uniform 60-bit hash of an author id (for the k-minimum-values sketch).
  `CREATE FUNCTION insights_author_hash(id uuid) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ('x' || substr(md5(id::text), 1, 15))::bit(60)::bigint
  $$`,
  // Minutes between two instants inside business hours (SPEC §5), like sla-clock.ts businessMinutesBetween.
  `CREATE FUNCTION insights_business_minutes(a timestamptz, b timestamptz, hours jsonb, tz text)
    RETURNS double precision LANGUAGE plpgsql STABLE AS $$
    DECLARE
      total double precision := 0;
      d date;
      open_at timestamptz;
      close_at timestamptz;
      days int[];
    BEGIN
      IF b <= a THEN RETURN 0; END IF;
      IF hours IS NULL OR jsonb_array_length(hours->'days') = 0 OR (hours->>'end') <= (hours->>'start') THEN
        RETURN extract(epoch FROM b - a) / 60;
      END IF;
      days := ARRAY(SELECT jsonb_array_elements_text(hours->'days')::int);
      d := (a AT TIME ZONE tz)::date;
      WHILE d <= (b AT TIME ZONE tz)::date LOOP
        IF extract(isodow FROM d)::int = ANY(days) THEN
          open_at := (d + (hours->>'start')::time) AT TIME ZONE tz;
          close_at := (d + (hours->>'end')::time) AT TIME ZONE tz;
          IF least(close_at, b) > greatest(open_at, a) THEN
            total := total + extract(epoch FROM least(close_at, b) - greatest(open_at, a)) / 60;
          END IF;
        END IF;
        d := d + 1;
      END LOOP;
      RETURN total;
    END
  $$`,

  mentionTrigger('insights_mentions_inserted', `SELECT ${MENTION_COLUMNS}, 1 AS sign FROM new_rows WHERE NOT is_spam`),
  mentionTrigger(
    'insights_mentions_updated',
    `SELECT ${MENTION_COLUMNS}, 1 AS sign FROM new_rows WHERE NOT is_spam AND id IN (SELECT id FROM changed_ids)
     UNION ALL SELECT ${MENTION_COLUMNS}, -1 AS sign FROM old_rows WHERE NOT is_spam AND id IN (SELECT id FROM changed_ids)`,
    // No column list with transition tables: every UPDATE fires (the ingest's `SET ticket_id` too), so keep to
    // the rows whose counted columns changed, and stop early when there are none.
    `SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (${MENTION_TRACKED('o')}) IS DISTINCT FROM (${MENTION_TRACKED('n')})`,
  ),
  mentionTrigger('insights_mentions_deleted', `SELECT ${MENTION_COLUMNS}, -1 AS sign FROM old_rows WHERE NOT is_spam`),
  `CREATE TRIGGER insights_mentions_insert AFTER INSERT ON mentions REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION insights_mentions_inserted()`,
  `CREATE TRIGGER insights_mentions_update AFTER UPDATE ON mentions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insights_mentions_updated()`,
  `CREATE TRIGGER insights_mentions_delete AFTER DELETE ON mentions REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION insights_mentions_deleted()`,

  `CREATE FUNCTION insights_tickets_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO insights_ticket_facts AS f (ticket_id, created_at, team_id, assignee_id, brand_id, source_kind, priority,
        status, first_response_min, first_response_bmin, resolution_min, resolution_bmin, sla_hit, reopened)
      ${TICKET_FACTS_SELECT}, 0
      FROM new_rows t JOIN sources s ON s.id = t.source_id LEFT JOIN workspace_settings ws ON ws.id = 1
      ${TICKET_FACTS_UPSERT};
      RETURN NULL;
    END
  $$`,
  `CREATE FUNCTION insights_tickets_updated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO insights_ticket_facts AS f (ticket_id, created_at, team_id, assignee_id, brand_id, source_kind, priority,
        status, first_response_min, first_response_bmin, resolution_min, resolution_bmin, sla_hit, reopened)
      ${TICKET_FACTS_SELECT},
        (o.status IN ('resolved', 'closed') AND t.status NOT IN ('resolved', 'closed'))::int
      FROM new_rows t JOIN old_rows o ON o.id = t.id JOIN sources s ON s.id = t.source_id
        LEFT JOIN workspace_settings ws ON ws.id = 1
      -- Every UPDATE fires (no column list with transition tables): keep to rows whose facts changed.
      WHERE (o.created_at, o.status, o.priority, o.team_id, o.assignee_id, o.brand_id, o.first_response_due_at, o.first_responded_at,
             o.sla_breached_at, o.resolved_at)
        IS DISTINCT FROM (t.created_at, t.status, t.priority, t.team_id, t.assignee_id, t.brand_id, t.first_response_due_at,
             t.first_responded_at, t.sla_breached_at, t.resolved_at)
      ${TICKET_FACTS_UPSERT};
      RETURN NULL;
    END
  $$`,
  `CREATE TRIGGER insights_tickets_insert AFTER INSERT ON tickets REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION insights_tickets_inserted()`,
  `CREATE TRIGGER insights_tickets_update AFTER UPDATE ON tickets
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insights_tickets_updated()`,

  // Moves the deltas into the rollups. One folder at a time; concurrent triggers keep appending (their rows are
  // not in this statement's snapshot, so they stay for the next fold).
  `CREATE FUNCTION insights_fold() RETURNS integer LANGUAGE plpgsql AS $$
    DECLARE moved integer;
    BEGIN
      IF NOT pg_try_advisory_xact_lock(hashtext('insights_fold')) THEN RETURN 0; END IF;
      WITH d AS (DELETE FROM insights_mention_delta RETURNING *)
      INSERT INTO insights_mention_rollup AS r
      SELECT brand_key, bucket, source_kind, sum(n), sum(positive), sum(neutral), sum(negative), sum(question),
        sum(complaint), sum(praise), sum(purchase_intent), sum(promo), sum(other), sum(engagement), sum(reach)
      FROM d GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (brand_key, bucket, source_kind) DO UPDATE SET n = r.n + EXCLUDED.n,
        positive = r.positive + EXCLUDED.positive, neutral = r.neutral + EXCLUDED.neutral,
        negative = r.negative + EXCLUDED.negative, question = r.question + EXCLUDED.question,
        complaint = r.complaint + EXCLUDED.complaint, praise = r.praise + EXCLUDED.praise,
        purchase_intent = r.purchase_intent + EXCLUDED.purchase_intent, promo = r.promo + EXCLUDED.promo,
        other = r.other + EXCLUDED.other, engagement = r.engagement + EXCLUDED.engagement, reach = r.reach + EXCLUDED.reach;
      GET DIAGNOSTICS moved = ROW_COUNT;
      WITH d AS (DELETE FROM insights_campaign_delta RETURNING *)
      INSERT INTO insights_campaign_rollup AS r
      SELECT campaign_id, bucket, source_kind, sum(n), sum(positive), sum(neutral), sum(negative), sum(engagement), sum(reach)
      FROM d GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
      ON CONFLICT (campaign_id, bucket, source_kind) DO UPDATE SET n = r.n + EXCLUDED.n,
        positive = r.positive + EXCLUDED.positive, neutral = r.neutral + EXCLUDED.neutral,
        negative = r.negative + EXCLUDED.negative, engagement = r.engagement + EXCLUDED.engagement, reach = r.reach + EXCLUDED.reach;
      WITH d AS (DELETE FROM insights_term_delta RETURNING *)
      INSERT INTO insights_term_rollup AS r
      SELECT brand_key, source_kind, day, term, sum(n), sum(positive), sum(neutral), sum(negative)
      FROM d GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
      ON CONFLICT (brand_key, source_kind, day, term) DO UPDATE SET n = r.n + EXCLUDED.n,
        positive = r.positive + EXCLUDED.positive, neutral = r.neutral + EXCLUDED.neutral,
        negative = r.negative + EXCLUDED.negative;
      RETURN moved;
    END
  $$`,

  // Recomputes every insights table from mentions and tickets: after this migration, and when what the keys
  // depend on changes (a brand's kind, the workspace time zone that defines the author tables' days).
  `CREATE FUNCTION insights_rebuild() RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_advisory_xact_lock(hashtext('insights_fold'));
      -- Ticket writes wait here, before the TRUNCATE: an update holding a ticket row and then waiting for the facts
      -- table, while this waits for its row (the facts' foreign key), would deadlock.
      LOCK TABLE tickets IN SHARE MODE;
      TRUNCATE insights_mention_rollup, insights_mention_delta, insights_campaign_rollup, insights_campaign_delta,
        insights_author_days, insights_author_first, insights_ticket_facts, insights_term_rollup, insights_term_delta;
      PERFORM insights_replay_mentions();
      INSERT INTO insights_ticket_facts AS f (ticket_id, created_at, team_id, assignee_id, brand_id, source_kind, priority,
        status, first_response_min, first_response_bmin, resolution_min, resolution_bmin, sla_hit, reopened)
      ${TICKET_FACTS_SELECT},
        (SELECT count(*)::int FROM ticket_events e WHERE e.ticket_id = t.id AND e.type = 'status_changed'
           AND e.data->>'from' IN ('resolved', 'closed') AND e.data->>'to' NOT IN ('resolved', 'closed'))
      FROM tickets t JOIN sources s ON s.id = t.source_id LEFT JOIN workspace_settings ws ON ws.id = 1;
      PERFORM insights_fold();
    END
  $$`,
  `CREATE FUNCTION insights_replay_mentions() RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      tz text := coalesce((SELECT timezone FROM workspace_settings WHERE id = 1), 'UTC');
    BEGIN
      ${applyChanges(`SELECT ${MENTION_COLUMNS}, 1 AS sign FROM mentions WHERE NOT is_spam`)}
    END
  $$`,
  // Statement triggers with transition tables (no column lists allowed with those): rebuild only when the value
  // really changed, not on every save of a brand's keywords or of the SLA targets.
  `CREATE FUNCTION insights_brand_kind_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.kind IS DISTINCT FROM n.kind) THEN
        PERFORM insights_rebuild();
      END IF;
      RETURN NULL;
    END
  $$`,
  `CREATE FUNCTION insights_timezone_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.timezone IS DISTINCT FROM n.timezone) THEN
        PERFORM insights_rebuild();
      END IF;
      RETURN NULL;
    END
  $$`,
  `CREATE TRIGGER insights_brand_kind_update AFTER UPDATE ON brands REFERENCING OLD TABLE AS old_rows
    NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insights_brand_kind_changed()`,
  `CREATE TRIGGER insights_timezone_update AFTER UPDATE ON workspace_settings REFERENCING OLD TABLE AS old_rows
    NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insights_timezone_changed()`,
];

const DOWN: string[] = [
  `DROP TRIGGER insights_timezone_update ON workspace_settings`,
  `DROP TRIGGER insights_brand_kind_update ON brands`,
  `DROP TRIGGER insights_tickets_update ON tickets`,
  `DROP TRIGGER insights_tickets_insert ON tickets`,
  `DROP TRIGGER insights_mentions_delete ON mentions`,
  `DROP TRIGGER insights_mentions_update ON mentions`,
  `DROP TRIGGER insights_mentions_insert ON mentions`,
  `DROP FUNCTION insights_timezone_changed()`,
  `DROP FUNCTION insights_brand_kind_changed()`,
  `DROP FUNCTION insights_rebuild()`,
  `DROP FUNCTION insights_replay_mentions()`,
  `DROP FUNCTION insights_fold()`,
  `DROP FUNCTION insights_tickets_updated()`,
  `DROP FUNCTION insights_tickets_inserted()`,
  `DROP FUNCTION insights_mentions_deleted()`,
  `DROP FUNCTION insights_mentions_updated()`,
  `DROP FUNCTION insights_mentions_inserted()`,
  `DROP FUNCTION insights_business_minutes(timestamptz, timestamptz, jsonb, text)`,
  `DROP FUNCTION insights_author_hash(uuid)`,
  `DROP FUNCTION insights_terms(text)`,
  `DROP TABLE "insights_term_delta"`,
  `DROP TABLE "insights_term_rollup"`,
  `DROP TABLE "insights_ticket_facts"`,
  `DROP TABLE "insights_author_first"`,
  `DROP TABLE "insights_author_days"`,
  `DROP TABLE "insights_campaign_delta"`,
  `DROP TABLE "insights_campaign_rollup"`,
  `DROP TABLE "insights_mention_delta"`,
  `DROP TABLE "insights_mention_rollup"`,
];
