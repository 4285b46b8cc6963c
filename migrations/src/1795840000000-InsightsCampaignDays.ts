import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaign counts per workspace-local day (docs/insights.md, How the numbers stay fast): 90 days of a campaign
 * are ~90 rows per source kind here instead of ~8,640 fifteen-minute buckets. The daily table follows the
 * 15-minute campaign rollup through statement triggers on it (+new, −old of every fold; emptied when a rebuild
 * truncates the rollup and refilled by its replay), so it always equals that rollup summed by local day; reads
 * add the unfolded deltas and the 15-minute rows of partial days. Also an index for unique authors of one
 * source kind: the sketch reads the k smallest hashes of that kind per day instead of filtering every kind's.
 * And the rebuild's triggers lock the tickets table against row locks too (see `rebuildTrigger`).
 * Written by hand: TypeORM cannot describe triggers or functions.
 */
export class InsightsCampaignDays1795840000000 implements MigrationInterface {
  name = 'InsightsCampaignDays1795840000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}

const TZ = `coalesce((SELECT timezone FROM workspace_settings WHERE id = 1), 'UTC')`;
const COLUMNS = ['n', 'positive', 'neutral', 'negative', 'engagement', 'reach'];

/** Adds `changes` (campaign rollup rows, counts already signed) into the daily table. */
function addDays(changes: string): string {
  return `
    INSERT INTO insights_campaign_daily AS d
    SELECT c.campaign_id, (c.bucket AT TIME ZONE tz)::date, c.source_kind, ${COLUMNS.map((k) => `sum(c.${k})`).join(', ')}
    FROM (${changes}) c GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (campaign_id, day, source_kind) DO UPDATE SET
      ${COLUMNS.map((k) => `${k} = d.${k} + EXCLUDED.${k}`).join(', ')};`;
}

const cols = (table: string, sign = '') =>
  `SELECT ${table}.campaign_id, ${table}.bucket, ${table}.source_kind, ${COLUMNS.map((k) => `${sign}${table}.${k}`).join(', ')} FROM ${table}`;

/**
 * The time zone and brand kind triggers, which rebuild every insights table. They take `tickets` in EXCLUSIVE mode
 * first: the rebuild re-inserts every ticket's fact, and each insert's foreign key check takes a key-share lock
 * on its ticket. A transaction holding a ticket row (`FOR UPDATE`: the timer jobs, tag changes) and then writing
 * a fact or a ticket would wait for the rebuild while the rebuild waits for its row: a deadlock. EXCLUSIVE waits
 * for those transactions to finish and keeps new ones out until the rebuild commits (plain reads go on).
 */
const rebuildTrigger = (name: string, column: string, lockFirst: boolean) => `CREATE OR REPLACE FUNCTION ${name}()
  RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.${column} IS DISTINCT FROM n.${column}) THEN
        ${lockFirst ? 'LOCK TABLE tickets IN EXCLUSIVE MODE;' : ''}
        PERFORM insights_rebuild();
      END IF;
      RETURN NULL;
    END
  $$`;

const UP: string[] = [
  rebuildTrigger('insights_brand_kind_changed', 'kind', true),
  rebuildTrigger('insights_timezone_changed', 'timezone', true),
  `CREATE TABLE "insights_campaign_daily" ("campaign_id" uuid NOT NULL, "day" date NOT NULL,
    "source_kind" character varying(16) NOT NULL, "n" integer NOT NULL, "positive" integer NOT NULL,
    "neutral" integer NOT NULL, "negative" integer NOT NULL, "engagement" bigint NOT NULL, "reach" bigint NOT NULL,
    CONSTRAINT "insights_campaign_daily_pkey" PRIMARY KEY ("campaign_id", "day", "source_kind"))`,
  `DO $$
    DECLARE tz text := ${TZ};
    BEGIN
      ${addDays(cols('insights_campaign_rollup'))}
    END
  $$`,
  `CREATE FUNCTION insights_campaign_rollup_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE tz text := ${TZ};
    BEGIN
      ${addDays(cols('new_rows'))}
      RETURN NULL;
    END
  $$`,
  `CREATE FUNCTION insights_campaign_rollup_updated() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE tz text := ${TZ};
    BEGIN
      ${addDays(`${cols('new_rows')} UNION ALL ${cols('old_rows', '-')}`)}
      RETURN NULL;
    END
  $$`,
  `CREATE FUNCTION insights_campaign_rollup_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      TRUNCATE insights_campaign_daily;
      RETURN NULL;
    END
  $$`,
  `CREATE TRIGGER insights_campaign_rollup_insert AFTER INSERT ON insights_campaign_rollup
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insights_campaign_rollup_inserted()`,
  `CREATE TRIGGER insights_campaign_rollup_update AFTER UPDATE ON insights_campaign_rollup
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION insights_campaign_rollup_updated()`,
  `CREATE TRIGGER insights_campaign_rollup_truncate AFTER TRUNCATE ON insights_campaign_rollup
    FOR EACH STATEMENT EXECUTE FUNCTION insights_campaign_rollup_truncated()`,
  `CREATE INDEX "insights_author_days_kind_sketch_idx" ON "insights_author_days" ("brand_key", "source_kind", "day", "h")
    INCLUDE ("n")`,
];

const DOWN: string[] = [
  rebuildTrigger('insights_brand_kind_changed', 'kind', false),
  rebuildTrigger('insights_timezone_changed', 'timezone', false),
  `DROP INDEX "insights_author_days_kind_sketch_idx"`,
  `DROP TRIGGER insights_campaign_rollup_truncate ON insights_campaign_rollup`,
  `DROP TRIGGER insights_campaign_rollup_update ON insights_campaign_rollup`,
  `DROP TRIGGER insights_campaign_rollup_insert ON insights_campaign_rollup`,
  `DROP FUNCTION insights_campaign_rollup_truncated()`,
  `DROP FUNCTION insights_campaign_rollup_updated()`,
  `DROP FUNCTION insights_campaign_rollup_inserted()`,
  `DROP TABLE "insights_campaign_daily"`,
];
