import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Listening1795806372961 implements MigrationInterface {
  name = 'Listening1795806372961';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "brands" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(80) NOT NULL, "kind" character varying(16) NOT NULL DEFAULT 'own', "keywords" text array NOT NULL DEFAULT '{}', "handles" text array NOT NULL DEFAULT '{}', "hashtags" text array NOT NULL DEFAULT '{}', "excluded_keywords" text array NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_96db6bbbaa6f23cad26871339b6" UNIQUE ("name"), CONSTRAINT "brands_kind_check" CHECK ("kind" IN ('own', 'competitor')), CONSTRAINT "PK_b0c437120b624da1034a81fc561" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "campaigns" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "brand_id" uuid, "hashtags" text array NOT NULL DEFAULT '{}', "keywords" text array NOT NULL DEFAULT '{}', "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_d32021d5791ed1617efaf1ac688" UNIQUE ("name"), CONSTRAINT "PK_831e3fcd4fc45b4e4c3f57a9ee4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "events" ("seq" BIGSERIAL NOT NULL, "name" character varying(64) NOT NULL, "rooms" text array NOT NULL, "data" jsonb NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_44840d7c5944a3bfbf21a6113d8" PRIMARY KEY ("seq"))`,
    );
    await queryRunner.query(`CREATE INDEX "events_at_idx" ON "events"  ("at") `);
    await queryRunner.query(
      `CREATE TABLE "authors" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source_kind" character varying(16) NOT NULL, "external_id" character varying(500) NOT NULL, "handle" character varying(300) NOT NULL, "display_name" character varying(300), "profile_url" text, "followers" integer NOT NULL DEFAULT '0', "verified" boolean NOT NULL DEFAULT false, "influence" smallint NOT NULL DEFAULT '0', "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "mention_count" integer NOT NULL DEFAULT '0', CONSTRAINT "authors_source_kind_external_id_key" UNIQUE ("source_kind", "external_id"), CONSTRAINT "PK_d2ed02fabd9b52847ccb85e6b88" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "mention_raw" ("mention_id" uuid NOT NULL, "raw" jsonb NOT NULL, CONSTRAINT "PK_c8e3b96de67d3cbe650365c5e2e" PRIMARY KEY ("mention_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "mentions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source_id" uuid NOT NULL, "source_kind" character varying(16) NOT NULL, "external_id" character varying(500) NOT NULL, "url" text, "text" text NOT NULL, "html" text, "posted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ingested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "edited_at" TIMESTAMP WITH TIME ZONE, "language" character varying(8), "sentiment_label" character varying(8) NOT NULL, "sentiment_score" real NOT NULL, "type" character varying(16) NOT NULL, "is_spam" boolean NOT NULL DEFAULT false, "spam_reason" character varying(200), "likes" integer NOT NULL DEFAULT '0', "reposts" integer NOT NULL DEFAULT '0', "replies" integer NOT NULL DEFAULT '0', "in_reply_to_external_id" character varying(500), "thread_external_id" character varying(500), "reply_webhook_url" text, "reply_context" jsonb, "author_id" uuid NOT NULL, "brand_ids" uuid array NOT NULL DEFAULT '{}', "campaign_ids" uuid array NOT NULL DEFAULT '{}', "ticket_id" uuid, "content_hash" character varying(64) NOT NULL, CONSTRAINT "mentions_source_external_id_key" UNIQUE ("source_id", "external_id"), CONSTRAINT "mentions_sentiment_label_check" CHECK ("sentiment_label" IN ('positive', 'neutral', 'negative')), CONSTRAINT "mentions_type_check" CHECK ("type" IN ('question', 'complaint', 'praise', 'purchase_intent', 'promo', 'other')), CONSTRAINT "PK_2c728c4685beaa7be19e11eae42" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "mentions_kind_thread_idx" ON "mentions"  ("source_kind", "thread_external_id") WHERE "thread_external_id" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "mentions_kind_external_idx" ON "mentions"  ("source_kind", "external_id") `);
    await queryRunner.query(`CREATE INDEX "mentions_author_idx" ON "mentions"  ("author_id") `);
    await queryRunner.query(`CREATE INDEX "mentions_ticket_idx" ON "mentions"  ("ticket_id") `);
    await queryRunner.query(`CREATE INDEX "mentions_campaign_ids_idx" ON "mentions" USING gin ("campaign_ids") `);
    await queryRunner.query(`CREATE INDEX "mentions_brand_ids_idx" ON "mentions" USING gin ("brand_ids") `);
    await queryRunner.query(
      `CREATE INDEX "mentions_spam_posted_idx" ON "mentions"  ("posted_at", "id") WHERE "is_spam"`,
    );
    await queryRunner.query(`CREATE INDEX "mentions_posted_idx" ON "mentions"  ("posted_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "source_skips" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "external_id" character varying(500), "reason" character varying(300) NOT NULL, CONSTRAINT "PK_9d877f0c018a19ac9ebbb16a9cd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "source_skips_source_at_idx" ON "source_skips"  ("source_id", "at") `);
    await queryRunner.query(
      `CREATE TABLE "source_stats" ("source_id" uuid NOT NULL, "hour" TIMESTAMP WITH TIME ZONE NOT NULL, "ingested" integer NOT NULL DEFAULT '0', "duplicates" integer NOT NULL DEFAULT '0', "skipped" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_97acfc1e33c68f7f9df187bea21" PRIMARY KEY ("source_id", "hour"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "sources" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(16) NOT NULL, "name" character varying(120) NOT NULL, "config" jsonb NOT NULL DEFAULT '{}', "secrets" text, "state" text, "poll_interval_sec" integer NOT NULL, "backfill_limit" integer NOT NULL DEFAULT '200', "enabled" boolean NOT NULL DEFAULT true, "cursor" jsonb, "status" character varying(16) NOT NULL DEFAULT 'ok', "last_polled_at" TIMESTAMP WITH TIME ZONE, "next_poll_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "failures" integer NOT NULL DEFAULT '0', "lease_token" uuid, "lease_until" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_ee4027d72bd2c0c01c4d1fc1109" UNIQUE ("name"), CONSTRAINT "sources_enabled_status_check" CHECK (("enabled" AND "status" <> 'disabled') OR (NOT "enabled" AND "status" = 'disabled')), CONSTRAINT "sources_status_check" CHECK ("status" IN ('ok', 'backoff', 'error', 'disabled')), CONSTRAINT "sources_kind_check" CHECK ("kind" IN ('mastodon', 'bluesky', 'reddit', 'x', 'rss', 'webhook', 'demo')), CONSTRAINT "PK_85523beafe5a2a6b90b02096443" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "sources_due_idx" ON "sources"  ("next_poll_at") WHERE "enabled"`);
    await queryRunner.query(
      `CREATE TABLE "webhook_deliveries" ("source_id" uuid NOT NULL, "message_id" character varying(200) NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "result" jsonb NOT NULL, CONSTRAINT "PK_3aba10877b6896afda50fb21c53" PRIMARY KEY ("source_id", "message_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "webhook_deliveries_received_idx" ON "webhook_deliveries"  ("received_at") `);
    await queryRunner.query(
      `CREATE TABLE "ticket_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "type" character varying(32) NOT NULL, "actor_id" uuid, "data" jsonb NOT NULL DEFAULT '{}', "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ticket_events_type_check" CHECK ("type" IN ('created', 'mention_added', 'mention_edited', 'routed', 'assigned', 'status_changed', 'priority_changed', 'replied', 'note_added', 'tagged', 'untagged', 'sla_breached', 'merged')), CONSTRAINT "PK_d61d07653b492eca67f9bad8ec2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ticket_events_ticket_at_idx" ON "ticket_events"  ("ticket_id", "at", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "tickets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" SERIAL NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'new', "priority" character varying(16) NOT NULL DEFAULT 'normal', "team_id" uuid NOT NULL, "assignee_id" uuid, "brand_id" uuid, "source_id" uuid NOT NULL, "author_id" uuid NOT NULL, "subject" character varying(200) NOT NULL, "sentiment_label" character varying(8) NOT NULL, "sentiment_score" real NOT NULL, "first_response_due_at" TIMESTAMP WITH TIME ZONE, "first_responded_at" TIMESTAMP WITH TIME ZONE, "resolved_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "snoozed_until" TIMESTAMP WITH TIME ZONE, "last_activity_at" TIMESTAMP WITH TIME ZONE NOT NULL, "waiting_since" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "mention_count" integer NOT NULL DEFAULT '0', "merged_into_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_78e08cc1101fc17f77c6f11b4c7" UNIQUE ("number"), CONSTRAINT "tickets_sentiment_label_check" CHECK ("sentiment_label" IN ('positive', 'neutral', 'negative')), CONSTRAINT "tickets_priority_check" CHECK ("priority" IN ('low', 'normal', 'high', 'urgent')), CONSTRAINT "tickets_status_check" CHECK ("status" IN ('new', 'open', 'pending', 'snoozed', 'resolved', 'closed')), CONSTRAINT "PK_343bc942ae261cf7a1377f48fd0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "tickets_author_source_idx" ON "tickets"  ("author_id", "source_id", "last_activity_at") WHERE "status" <> 'closed'`,
    );
    await queryRunner.query(
      `CREATE INDEX "tickets_assignee_activity_idx" ON "tickets"  ("assignee_id", "last_activity_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "tickets_team_activity_idx" ON "tickets"  ("team_id", "last_activity_at", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "campaigns" ADD CONSTRAINT "FK_cd8ba988ed1ce77f807c8f900c4" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mention_raw" ADD CONSTRAINT "FK_c8e3b96de67d3cbe650365c5e2e" FOREIGN KEY ("mention_id") REFERENCES "mentions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mentions" ADD CONSTRAINT "FK_56ba8b1f5f5d42b10a0a700f7fb" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mentions" ADD CONSTRAINT "FK_f35f6c597e232df43eecd3d6169" FOREIGN KEY ("author_id") REFERENCES "authors"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mentions" ADD CONSTRAINT "FK_d2e409fd1fb2ab373723ae39287" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "source_skips" ADD CONSTRAINT "FK_bfe9a92c36bd7748087587fc4bc" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "source_stats" ADD CONSTRAINT "FK_f91d27dbf2b561c0f44195d25b9" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "FK_396564857cfd785004e9220233b" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_events" ADD CONSTRAINT "FK_9cf43c4478294faa98129c47c21" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_events" ADD CONSTRAINT "FK_f13e732854401f6f00cdd045f23" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "FK_ec5071f9de4677c9e8da947e144" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "FK_dff6e2b44c9b5e177114588772f" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "FK_8f7cd4ba34f2816e61bda008312" FOREIGN KEY ("brand_id") REFERENCES "brands"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "FK_770795a1ea57e0fd04a4790f9e5" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "FK_67714d39d16d1ea5a234b05b094" FOREIGN KEY ("author_id") REFERENCES "authors"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "FK_99a40af0d0d2408697121bf3742" FOREIGN KEY ("merged_into_id") REFERENCES "tickets"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "FK_99a40af0d0d2408697121bf3742"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "FK_67714d39d16d1ea5a234b05b094"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "FK_770795a1ea57e0fd04a4790f9e5"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "FK_8f7cd4ba34f2816e61bda008312"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "FK_dff6e2b44c9b5e177114588772f"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "FK_ec5071f9de4677c9e8da947e144"`);
    await queryRunner.query(`ALTER TABLE "ticket_events" DROP CONSTRAINT "FK_f13e732854401f6f00cdd045f23"`);
    await queryRunner.query(`ALTER TABLE "ticket_events" DROP CONSTRAINT "FK_9cf43c4478294faa98129c47c21"`);
    await queryRunner.query(`ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "FK_396564857cfd785004e9220233b"`);
    await queryRunner.query(`ALTER TABLE "source_stats" DROP CONSTRAINT "FK_f91d27dbf2b561c0f44195d25b9"`);
    await queryRunner.query(`ALTER TABLE "source_skips" DROP CONSTRAINT "FK_bfe9a92c36bd7748087587fc4bc"`);
    await queryRunner.query(`ALTER TABLE "mentions" DROP CONSTRAINT "FK_d2e409fd1fb2ab373723ae39287"`);
    await queryRunner.query(`ALTER TABLE "mentions" DROP CONSTRAINT "FK_f35f6c597e232df43eecd3d6169"`);
    await queryRunner.query(`ALTER TABLE "mentions" DROP CONSTRAINT "FK_56ba8b1f5f5d42b10a0a700f7fb"`);
    await queryRunner.query(`ALTER TABLE "mention_raw" DROP CONSTRAINT "FK_c8e3b96de67d3cbe650365c5e2e"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP CONSTRAINT "FK_cd8ba988ed1ce77f807c8f900c4"`);
    await queryRunner.query(`DROP INDEX "public"."tickets_team_activity_idx"`);
    await queryRunner.query(`DROP INDEX "public"."tickets_assignee_activity_idx"`);
    await queryRunner.query(`DROP INDEX "public"."tickets_author_source_idx"`);
    await queryRunner.query(`DROP TABLE "tickets"`);
    await queryRunner.query(`DROP INDEX "public"."ticket_events_ticket_at_idx"`);
    await queryRunner.query(`DROP TABLE "ticket_events"`);
    await queryRunner.query(`DROP INDEX "public"."webhook_deliveries_received_idx"`);
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP INDEX "public"."sources_due_idx"`);
    await queryRunner.query(`DROP TABLE "sources"`);
    await queryRunner.query(`DROP TABLE "source_stats"`);
    await queryRunner.query(`DROP INDEX "public"."source_skips_source_at_idx"`);
    await queryRunner.query(`DROP TABLE "source_skips"`);
    await queryRunner.query(`DROP INDEX "public"."mentions_posted_idx"`);
    await queryRunner.query(`DROP INDEX "public"."mentions_spam_posted_idx"`);
    await queryRunner.query(`DROP INDEX "public"."mentions_brand_ids_idx"`);
    await queryRunner.query(`DROP INDEX "public"."mentions_campaign_ids_idx"`);
    await queryRunner.query(`DROP INDEX "public"."mentions_ticket_idx"`);
    await queryRunner.query(`DROP INDEX "public"."mentions_author_idx"`);
    await queryRunner.query(`DROP INDEX "public"."mentions_kind_external_idx"`);
    await queryRunner.query(`DROP INDEX "public"."mentions_kind_thread_idx"`);
    await queryRunner.query(`DROP TABLE "mentions"`);
    await queryRunner.query(`DROP TABLE "mention_raw"`);
    await queryRunner.query(`DROP TABLE "authors"`);
    await queryRunner.query(`DROP INDEX "public"."events_at_idx"`);
    await queryRunner.query(`DROP TABLE "events"`);
    await queryRunner.query(`DROP TABLE "campaigns"`);
    await queryRunner.query(`DROP TABLE "brands"`);
  }
}
