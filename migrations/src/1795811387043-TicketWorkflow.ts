import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TicketWorkflow1795811387043 implements MigrationInterface {
  name = 'TicketWorkflow1795811387043';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "canned_responses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "shortcut" character varying(40) NOT NULL, "language" character varying(2) NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "canned_responses_language_check" CHECK ("language" IN ('en', 'id')), CONSTRAINT "PK_1df87c74d99c463b1c7fb30dc14" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "canned_responses_shortcut_language_key" ON "canned_responses"  ("shortcut", "language") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "author_id" uuid, "body" text NOT NULL, "mentioned_user_ids" uuid array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_af6206538ea96c4e77e9f400c3d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "notes_ticket_created_idx" ON "notes"  ("ticket_id", "created_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" character varying(32) NOT NULL, "ticket_id" uuid, "actor_id" uuid, "text" character varying(300) NOT NULL, "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "notifications_kind_check" CHECK ("kind" IN ('assigned', 'mentioned', 'sla_breached')), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_user_unread_idx" ON "notifications"  ("user_id") WHERE "read_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_user_created_idx" ON "notifications"  ("user_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ticket_presence" ("socket_id" character varying(64) NOT NULL, "ticket_id" uuid NOT NULL, "user_id" uuid NOT NULL, "typing_until" TIMESTAMP WITH TIME ZONE, "seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6f593d04ce97b42d03e3bd1b688" PRIMARY KEY ("socket_id", "ticket_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ticket_presence_ticket_idx" ON "ticket_presence"  ("ticket_id") `);
    await queryRunner.query(
      `CREATE TABLE "user_sockets" ("socket_id" character varying(64) NOT NULL, "user_id" uuid NOT NULL, "instance_id" character varying(64) NOT NULL, "seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8821e9be7a651d98a5ef1cbfe19" PRIMARY KEY ("socket_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "user_sockets_user_idx" ON "user_sockets"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "replies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "author_id" uuid, "body" text NOT NULL, "in_reply_to_mention_id" uuid, "status" character varying(16) NOT NULL DEFAULT 'queued', "external_id" character varying(512), "external_url" text, "error" text, "attempts" integer NOT NULL DEFAULT '0', "idempotency_key" character varying(64) NOT NULL, "next_attempt_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_a070c01633fdca0d8ffb5e2b6d7" UNIQUE ("idempotency_key"), CONSTRAINT "replies_status_check" CHECK ("status" IN ('queued', 'sending', 'sent', 'failed', 'manual')), CONSTRAINT "PK_08f619ebe431e27e9d206bea132" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "replies_outbox_idx" ON "replies"  ("next_attempt_at") WHERE "status" IN ('queued', 'sending')`,
    );
    await queryRunner.query(
      `CREATE INDEX "replies_ticket_created_idx" ON "replies"  ("ticket_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "routing_rules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "position" integer NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "conditions" jsonb NOT NULL, "actions" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b744c5cc71053ea4d3fc8a860c2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "routing_rules_position_idx" ON "routing_rules"  ("position", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "workspace_settings" ("id" smallint NOT NULL DEFAULT '1', "timezone" character varying(64) NOT NULL, "require_outcome_tag" boolean NOT NULL DEFAULT false, "business_hours" jsonb, "sla_targets" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "workspace_settings_single_row_check" CHECK ("id" = 1), CONSTRAINT "PK_b99609772017c1ec22c40c1ddb4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "tags" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(60) NOT NULL, "kind" character varying(16) NOT NULL, "color" character varying(7) NOT NULL DEFAULT '#64748b', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_d90243459a697eadb8ad56e9092" UNIQUE ("name"), CONSTRAINT "tags_color_check" CHECK ("color" ~ '^#[0-9a-f]{6}$'), CONSTRAINT "tags_kind_check" CHECK ("kind" IN ('outcome', 'topic', 'campaign')), CONSTRAINT "PK_e7dc17249a1148a1970748eda99" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "ticket_tags" ("ticket_id" uuid NOT NULL, "tag_id" uuid NOT NULL, "added_by_id" uuid, "added_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_61ad5ce131d1032cd26448d073e" PRIMARY KEY ("ticket_id", "tag_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ticket_tags_tag_idx" ON "ticket_tags"  ("tag_id", "ticket_id") `);
    await queryRunner.query(
      `CREATE TABLE "ticket_counters" ("id" BIGSERIAL NOT NULL, "team_id" uuid NOT NULL, "assignee_key" uuid NOT NULL, "status" character varying(16) NOT NULL, "n" integer NOT NULL, CONSTRAINT "PK_282dbaf6165a2d4825bfb02dda2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ticket_counters_key_idx" ON "ticket_counters"  ("team_id", "assignee_key", "status") `,
    );
    await queryRunner.query(`ALTER TABLE "team_members" ADD "last_assigned_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "tickets" ADD "sla_breached_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "users" ADD "last_seen_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "tickets_unassigned_waiting_idx" ON "tickets"  ("team_id", "created_at") WHERE "assignee_id" IS NULL AND "status" IN ('new', 'open', 'pending')`,
    );
    await queryRunner.query(
      `CREATE INDEX "tickets_resolved_idx" ON "tickets"  ("resolved_at") WHERE "status" = 'resolved'`,
    );
    await queryRunner.query(
      `CREATE INDEX "tickets_snoozed_idx" ON "tickets"  ("snoozed_until") WHERE "status" = 'snoozed'`,
    );
    await queryRunner.query(
      `CREATE INDEX "tickets_sla_due_idx" ON "tickets"  ("first_response_due_at") WHERE "first_responded_at" IS NULL AND "sla_breached_at" IS NULL AND "status" NOT IN ('resolved', 'closed')`,
    );
    await queryRunner.query(
      `CREATE INDEX "tickets_assignee_active_idx" ON "tickets"  ("assignee_id", "last_activity_at", "id") WHERE "status" IN ('new', 'open', 'pending')`,
    );
    await queryRunner.query(
      `CREATE INDEX "tickets_team_active_idx" ON "tickets"  ("team_id", "last_activity_at", "id") WHERE "status" IN ('new', 'open', 'pending')`,
    );
    await queryRunner.query(
      `ALTER TABLE "notes" ADD CONSTRAINT "FK_ab489adc6ad7a960bd9444d3504" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notes" ADD CONSTRAINT "FK_35b89a50cb9203dccff44136519" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_d506dd64e3806b61e88a26714e3" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_presence" ADD CONSTRAINT "FK_cafbe0fd6ee36cc3ff6a7830dee" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_presence" ADD CONSTRAINT "FK_7ebc4a633a352596a9183c18d91" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_sockets" ADD CONSTRAINT "FK_3e655ed099908eda55deda7e543" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "replies" ADD CONSTRAINT "FK_244fdf711beaafcae6acd9f04ea" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "replies" ADD CONSTRAINT "FK_59341ab9e0f418332b712b2dd0b" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "replies" ADD CONSTRAINT "FK_5df71532a64f70f2824b6191984" FOREIGN KEY ("in_reply_to_mention_id") REFERENCES "mentions"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_tags" ADD CONSTRAINT "FK_e834a1960b1abc5822d5055b82e" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_tags" ADD CONSTRAINT "FK_f5cb86966f6eb9f24f011992d38" FOREIGN KEY ("tag_id") REFERENCES "tags"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Hand-written: the view counters (SPEC §7) are kept by statement triggers in the same transaction as every
    // ticket change, whatever code path makes it. They only append (+n/−n per key and statement): no row lock,
    // so concurrent transactions never wait on or deadlock over a counter; a job folds the rows per key.
    await queryRunner.query(`CREATE FUNCTION ticket_counters_insert() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO ticket_counters (team_id, assignee_key, status, n)
  SELECT team_id, coalesce(assignee_id, '00000000-0000-0000-0000-000000000000'), status, count(*)
  FROM new_rows GROUP BY 1, 2, 3;
  RETURN NULL;
END
$fn$`);
    await queryRunner.query(`CREATE FUNCTION ticket_counters_delete() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO ticket_counters (team_id, assignee_key, status, n)
  SELECT team_id, coalesce(assignee_id, '00000000-0000-0000-0000-000000000000'), status, -count(*)
  FROM old_rows GROUP BY 1, 2, 3;
  RETURN NULL;
END
$fn$`);
    await queryRunner.query(`CREATE FUNCTION ticket_counters_update() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO ticket_counters (team_id, assignee_key, status, n)
  SELECT k.team_id, k.assignee_key, k.status, sum(k.n)
  FROM (
    SELECT o.team_id, coalesce(o.assignee_id, '00000000-0000-0000-0000-000000000000') AS assignee_key, o.status,
      -1 AS n, o.id
    FROM old_rows o
    UNION ALL
    SELECT n.team_id, coalesce(n.assignee_id, '00000000-0000-0000-0000-000000000000'), n.status, 1, n.id
    FROM new_rows n
  ) k
  GROUP BY 1, 2, 3
  HAVING sum(k.n) <> 0;
  RETURN NULL;
END
$fn$`);
    await queryRunner.query(
      `CREATE TRIGGER tickets_counters_insert AFTER INSERT ON tickets REFERENCING NEW TABLE AS new_rows
       FOR EACH STATEMENT EXECUTE FUNCTION ticket_counters_insert()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER tickets_counters_update AFTER UPDATE ON tickets REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
       FOR EACH STATEMENT EXECUTE FUNCTION ticket_counters_update()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER tickets_counters_delete AFTER DELETE ON tickets REFERENCING OLD TABLE AS old_rows
       FOR EACH STATEMENT EXECUTE FUNCTION ticket_counters_delete()`,
    );
    await queryRunner.query(
      `INSERT INTO ticket_counters (team_id, assignee_key, status, n)
       SELECT team_id, coalesce(assignee_id, '00000000-0000-0000-0000-000000000000'), status, count(*)
       FROM tickets GROUP BY 1, 2, 3`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const op of ['insert', 'update', 'delete']) {
      await queryRunner.query(`DROP TRIGGER tickets_counters_${op} ON tickets`);
      await queryRunner.query(`DROP FUNCTION ticket_counters_${op}()`);
    }
    await queryRunner.query(`ALTER TABLE "ticket_tags" DROP CONSTRAINT "FK_f5cb86966f6eb9f24f011992d38"`);
    await queryRunner.query(`ALTER TABLE "ticket_tags" DROP CONSTRAINT "FK_e834a1960b1abc5822d5055b82e"`);
    await queryRunner.query(`ALTER TABLE "replies" DROP CONSTRAINT "FK_5df71532a64f70f2824b6191984"`);
    await queryRunner.query(`ALTER TABLE "replies" DROP CONSTRAINT "FK_59341ab9e0f418332b712b2dd0b"`);
    await queryRunner.query(`ALTER TABLE "replies" DROP CONSTRAINT "FK_244fdf711beaafcae6acd9f04ea"`);
    await queryRunner.query(`ALTER TABLE "user_sockets" DROP CONSTRAINT "FK_3e655ed099908eda55deda7e543"`);
    await queryRunner.query(`ALTER TABLE "ticket_presence" DROP CONSTRAINT "FK_7ebc4a633a352596a9183c18d91"`);
    await queryRunner.query(`ALTER TABLE "ticket_presence" DROP CONSTRAINT "FK_cafbe0fd6ee36cc3ff6a7830dee"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_d506dd64e3806b61e88a26714e3"`);
    await queryRunner.query(`ALTER TABLE "notifications" DROP CONSTRAINT "FK_9a8a82462cab47c73d25f49261f"`);
    await queryRunner.query(`ALTER TABLE "notes" DROP CONSTRAINT "FK_35b89a50cb9203dccff44136519"`);
    await queryRunner.query(`ALTER TABLE "notes" DROP CONSTRAINT "FK_ab489adc6ad7a960bd9444d3504"`);
    await queryRunner.query(`DROP INDEX "public"."tickets_team_active_idx"`);
    await queryRunner.query(`DROP INDEX "public"."tickets_assignee_active_idx"`);
    await queryRunner.query(`DROP INDEX "public"."tickets_sla_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."tickets_snoozed_idx"`);
    await queryRunner.query(`DROP INDEX "public"."tickets_resolved_idx"`);
    await queryRunner.query(`DROP INDEX "public"."tickets_unassigned_waiting_idx"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "last_seen_at"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP COLUMN "sla_breached_at"`);
    await queryRunner.query(`ALTER TABLE "team_members" DROP COLUMN "last_assigned_at"`);
    await queryRunner.query(`DROP INDEX "public"."ticket_counters_key_idx"`);
    await queryRunner.query(`DROP TABLE "ticket_counters"`);
    await queryRunner.query(`DROP INDEX "public"."ticket_tags_tag_idx"`);
    await queryRunner.query(`DROP TABLE "ticket_tags"`);
    await queryRunner.query(`DROP TABLE "tags"`);
    await queryRunner.query(`DROP TABLE "workspace_settings"`);
    await queryRunner.query(`DROP INDEX "public"."routing_rules_position_idx"`);
    await queryRunner.query(`DROP TABLE "routing_rules"`);
    await queryRunner.query(`DROP INDEX "public"."replies_ticket_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."replies_outbox_idx"`);
    await queryRunner.query(`DROP TABLE "replies"`);
    await queryRunner.query(`DROP INDEX "public"."user_sockets_user_idx"`);
    await queryRunner.query(`DROP TABLE "user_sockets"`);
    await queryRunner.query(`DROP INDEX "public"."ticket_presence_ticket_idx"`);
    await queryRunner.query(`DROP TABLE "ticket_presence"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_user_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_user_unread_idx"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP INDEX "public"."notes_ticket_created_idx"`);
    await queryRunner.query(`DROP TABLE "notes"`);
    await queryRunner.query(`DROP INDEX "public"."canned_responses_shortcut_language_key"`);
    await queryRunner.query(`DROP TABLE "canned_responses"`);
  }
}
