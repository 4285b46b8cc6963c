import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The care insight's counts and outcome tags from daily rollups instead of a scan of every ticket fact in the
 * range (docs/insights.md, Care). Each ticket fact now carries its outcome tag ids (kept by triggers on
 * `ticket_tags` and `tags`); statement triggers on `insights_ticket_facts` turn every change of a fact into
 * delta rows (−old, +new) per workspace-local day × team × assignee × brand × source kind, and per day × outcome
 * tag × brand × source kind; `insights_care_fold()` moves them into the rollups and reads sum rollup + deltas.
 * A TRUNCATE of the facts (`insights_rebuild()`, on a time zone or brand kind change) empties these tables too,
 * and the rebuild's re-insert of the facts refills them. Absent assignee and brand are stored as the nil uuid
 * (they are part of the rollups' keys). Written by hand: TypeORM cannot describe triggers or functions.
 */
export class CareRollups1795830000000 implements MigrationInterface {
  name = 'CareRollups1795830000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}

const NIL = `'00000000-0000-0000-0000-000000000000'::uuid`;

const TZ = `coalesce((SELECT timezone FROM workspace_settings WHERE id = 1), 'UTC')`;

const CARE_KEY = `"day" date NOT NULL, "team_id" uuid NOT NULL, "assignee_id" uuid NOT NULL, "brand_id" uuid NOT NULL,
  "source_kind" character varying(16) NOT NULL`;
const CARE_COUNTS = `"tickets" integer NOT NULL, "fr_count" integer NOT NULL, "res_count" integer NOT NULL,
  "hits" integer NOT NULL, "misses" integer NOT NULL, "reopened" integer NOT NULL`;
const OUTCOME_KEY = `"day" date NOT NULL, "tag_id" uuid NOT NULL, "brand_id" uuid NOT NULL,
  "source_kind" character varying(16) NOT NULL`;

/** A fact's outcome tags, sorted (so an unchanged set compares equal). */
const OUTCOMES_OF = (ticketId: string) =>
  `coalesce((SELECT array_agg(tt.tag_id ORDER BY tt.tag_id) FROM ticket_tags tt JOIN tags g ON g.id = tt.tag_id
    WHERE tt.ticket_id = ${ticketId} AND g.kind = 'outcome'), '{}')`;

/** `changes` holds fact rows with `sign` +1 (new state) or −1 (old state); one statement writes both delta tables. */
function applyCareChanges(changes: string): string {
  return `
  WITH c AS MATERIALIZED (
    SELECT (c.created_at AT TIME ZONE tz)::date AS day, c.team_id, coalesce(c.assignee_id, ${NIL}) AS assignee_id,
      coalesce(c.brand_id, ${NIL}) AS brand_id, c.source_kind, c.sign, c.first_response_min, c.resolution_min, c.sla_hit,
      c.reopened, c.outcome_tag_ids
    FROM (${changes}) c
  ), care AS (
    INSERT INTO insights_care_delta
    SELECT day, team_id, assignee_id, brand_id, source_kind, sum(sign)::int,
      sum(CASE WHEN first_response_min IS NOT NULL THEN sign ELSE 0 END)::int,
      sum(CASE WHEN resolution_min IS NOT NULL THEN sign ELSE 0 END)::int,
      sum(CASE WHEN sla_hit THEN sign ELSE 0 END)::int, sum(CASE WHEN NOT sla_hit THEN sign ELSE 0 END)::int,
      sum(sign * reopened)::int
    FROM c GROUP BY 1, 2, 3, 4, 5
    -- An edit that nets to nothing for a key (a status change, say) writes no row for it.
    HAVING (sum(sign), sum(CASE WHEN first_response_min IS NOT NULL THEN sign ELSE 0 END),
        sum(CASE WHEN resolution_min IS NOT NULL THEN sign ELSE 0 END), sum(CASE WHEN sla_hit THEN sign ELSE 0 END),
        sum(CASE WHEN NOT sla_hit THEN sign ELSE 0 END), sum(sign * reopened))
      IS DISTINCT FROM (0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint)
  )
  INSERT INTO insights_outcome_delta
  SELECT c.day, o.tag_id, c.brand_id, c.source_kind, sum(c.sign)::int
  FROM c CROSS JOIN LATERAL unnest(c.outcome_tag_ids) AS o(tag_id)
  GROUP BY 1, 2, 3, 4 HAVING sum(c.sign) <> 0;`;
}

function factsTrigger(name: string, changes: string): string {
  return `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE tz text := ${TZ};
    BEGIN
      ${applyCareChanges(changes)}
      RETURN NULL;
    END
  $$`;
}

/**
 * Rewrites the outcome tag ids of the facts of these tickets where they changed. The ids go through an array, so
 * the cached plan is an index probe per ticket whatever the size of the transition table it was planned for.
 */
const REFRESH_OUTCOMES = (ticketIds: string) => `
  ids := ARRAY(${ticketIds});
  UPDATE insights_ticket_facts f SET outcome_tag_ids = ${OUTCOMES_OF('f.ticket_id')}
  WHERE f.ticket_id = ANY(ids) AND f.outcome_tag_ids IS DISTINCT FROM ${OUTCOMES_OF('f.ticket_id')};`;

const UP: string[] = [
  `ALTER TABLE "insights_ticket_facts" ADD "outcome_tag_ids" uuid[] NOT NULL DEFAULT '{}'`,
  `CREATE TABLE "insights_care_daily" (${CARE_KEY}, ${CARE_COUNTS},
    CONSTRAINT "insights_care_daily_pkey" PRIMARY KEY ("day", "team_id", "assignee_id", "brand_id", "source_kind"))`,
  `CREATE TABLE "insights_care_delta" (${CARE_KEY}, ${CARE_COUNTS})`,
  `CREATE TABLE "insights_outcome_daily" (${OUTCOME_KEY}, "tickets" integer NOT NULL,
    CONSTRAINT "insights_outcome_daily_pkey" PRIMARY KEY ("day", "tag_id", "brand_id", "source_kind"))`,
  `CREATE TABLE "insights_outcome_delta" (${OUTCOME_KEY}, "tickets" integer NOT NULL)`,

  // What exists already (a database upgraded in place): outcome ids on the facts, then the rollups from the facts.
  `UPDATE insights_ticket_facts f SET outcome_tag_ids = ${OUTCOMES_OF('f.ticket_id')}
   WHERE EXISTS (SELECT 1 FROM ticket_tags tt WHERE tt.ticket_id = f.ticket_id)`,
  `DO $$
    DECLARE tz text := ${TZ};
    BEGIN
      ${applyCareChanges('SELECT f.*, 1 AS sign FROM insights_ticket_facts f')}
    END
  $$`,

  // A new fact (a new ticket, or the rebuild's re-insert) starts with the ticket's outcome tags.
  `CREATE FUNCTION insights_facts_outcomes() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.outcome_tag_ids := ${OUTCOMES_OF('NEW.ticket_id')};
      RETURN NEW;
    END
  $$`,
  `CREATE TRIGGER insights_facts_outcomes BEFORE INSERT ON insights_ticket_facts
    FOR EACH ROW EXECUTE FUNCTION insights_facts_outcomes()`,

  factsTrigger('insights_facts_inserted', `SELECT n.*, 1 AS sign FROM new_rows n`),
  // Every UPDATE fires (no column list with transition tables). Old and new rows go in whole, without a join of
  // the two transition tables (PL/pgSQL caches the plan made for the first call's sizes, and a nested loop over
  // both is quadratic): an unchanged fact nets to zero in the aggregation and writes nothing.
  factsTrigger(
    'insights_facts_updated',
    `SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o`,
  ),
  factsTrigger('insights_facts_deleted', `SELECT o.*, -1 AS sign FROM old_rows o`),
  `CREATE TRIGGER insights_facts_insert AFTER INSERT ON insights_ticket_facts REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION insights_facts_inserted()`,
  `CREATE TRIGGER insights_facts_update AFTER UPDATE ON insights_ticket_facts
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insights_facts_updated()`,
  `CREATE TRIGGER insights_facts_delete AFTER DELETE ON insights_ticket_facts REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION insights_facts_deleted()`,
  `CREATE FUNCTION insights_facts_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      TRUNCATE insights_care_daily, insights_care_delta, insights_outcome_daily, insights_outcome_delta;
      RETURN NULL;
    END
  $$`,
  `CREATE TRIGGER insights_facts_truncate AFTER TRUNCATE ON insights_ticket_facts
    FOR EACH STATEMENT EXECUTE FUNCTION insights_facts_truncated()`,

  // Outcome tags put on or taken off a ticket (a deleted tag's rows go by cascade, after the tag: no kind filter).
  `CREATE FUNCTION insights_ticket_tags_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE ids uuid[];
    BEGIN
      IF TG_OP = 'INSERT' THEN
        ${REFRESH_OUTCOMES('SELECT DISTINCT ticket_id FROM new_rows')}
      ELSE
        ${REFRESH_OUTCOMES('SELECT DISTINCT ticket_id FROM old_rows')}
      END IF;
      RETURN NULL;
    END
  $$`,
  `CREATE TRIGGER insights_ticket_tags_insert AFTER INSERT ON ticket_tags REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION insights_ticket_tags_changed()`,
  `CREATE TRIGGER insights_ticket_tags_delete AFTER DELETE ON ticket_tags REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION insights_ticket_tags_changed()`,
  // A tag becoming (or ceasing to be) an outcome.
  `CREATE FUNCTION insights_tag_kind_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE ids uuid[];
    BEGIN
      ${REFRESH_OUTCOMES(
        `SELECT DISTINCT tt.ticket_id FROM ticket_tags tt JOIN old_rows o ON o.id = tt.tag_id JOIN new_rows n ON n.id = o.id
         WHERE (o.kind = 'outcome') <> (n.kind = 'outcome')`,
      )}
      RETURN NULL;
    END
  $$`,
  `CREATE TRIGGER insights_tag_kind_update AFTER UPDATE ON tags REFERENCING OLD TABLE AS old_rows
    NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insights_tag_kind_changed()`,

  // Moves the care deltas into the rollups, like insights_fold() (one folder at a time).
  `CREATE FUNCTION insights_care_fold() RETURNS integer LANGUAGE plpgsql AS $$
    DECLARE moved integer;
    BEGIN
      IF NOT pg_try_advisory_xact_lock(hashtext('insights_care_fold')) THEN RETURN 0; END IF;
      WITH d AS (DELETE FROM insights_care_delta RETURNING *)
      INSERT INTO insights_care_daily AS r
      SELECT day, team_id, assignee_id, brand_id, source_kind, sum(tickets), sum(fr_count), sum(res_count), sum(hits),
        sum(misses), sum(reopened)
      FROM d GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
      ON CONFLICT (day, team_id, assignee_id, brand_id, source_kind) DO UPDATE SET tickets = r.tickets + EXCLUDED.tickets,
        fr_count = r.fr_count + EXCLUDED.fr_count, res_count = r.res_count + EXCLUDED.res_count,
        hits = r.hits + EXCLUDED.hits, misses = r.misses + EXCLUDED.misses, reopened = r.reopened + EXCLUDED.reopened;
      GET DIAGNOSTICS moved = ROW_COUNT;
      WITH d AS (DELETE FROM insights_outcome_delta RETURNING *)
      INSERT INTO insights_outcome_daily AS r
      SELECT day, tag_id, brand_id, source_kind, sum(tickets) FROM d GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
      ON CONFLICT (day, tag_id, brand_id, source_kind) DO UPDATE SET tickets = r.tickets + EXCLUDED.tickets;
      RETURN moved;
    END
  $$`,
];

const DOWN: string[] = [
  `DROP FUNCTION insights_care_fold()`,
  `DROP TRIGGER insights_tag_kind_update ON tags`,
  `DROP FUNCTION insights_tag_kind_changed()`,
  `DROP TRIGGER insights_ticket_tags_delete ON ticket_tags`,
  `DROP TRIGGER insights_ticket_tags_insert ON ticket_tags`,
  `DROP FUNCTION insights_ticket_tags_changed()`,
  `DROP TRIGGER insights_facts_truncate ON insights_ticket_facts`,
  `DROP FUNCTION insights_facts_truncated()`,
  `DROP TRIGGER insights_facts_delete ON insights_ticket_facts`,
  `DROP TRIGGER insights_facts_update ON insights_ticket_facts`,
  `DROP TRIGGER insights_facts_insert ON insights_ticket_facts`,
  `DROP FUNCTION insights_facts_deleted()`,
  `DROP FUNCTION insights_facts_updated()`,
  `DROP FUNCTION insights_facts_inserted()`,
  `DROP TRIGGER insights_facts_outcomes ON insights_ticket_facts`,
  `DROP FUNCTION insights_facts_outcomes()`,
  `DROP TABLE "insights_outcome_delta"`,
  `DROP TABLE "insights_outcome_daily"`,
  `DROP TABLE "insights_care_delta"`,
  `DROP TABLE "insights_care_daily"`,
  `ALTER TABLE "insights_ticket_facts" DROP COLUMN "outcome_tag_ids"`,
];
