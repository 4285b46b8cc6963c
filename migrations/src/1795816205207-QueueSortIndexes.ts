import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Active-ticket statuses: the partial indexes below hold only what the default views list. */
const ACTIVE = `WHERE "status" IN ('new', 'open', 'pending')`;
/**
 * The queue's sort expressions, exactly as apps/api/src/modules/ticket/ticket-query.ts writes them (the planner
 * matches an expression index only to the same expression). TypeORM cannot describe expression indexes: the
 * entity names them with `synchronize: false`.
 */
const PRIORITY_RANK = `(CASE "priority" WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END)`;
const SLA_DUE_ORDER = `(coalesce("first_response_due_at", 'infinity'::timestamptz))`;

export class QueueSortIndexes1795816205207 implements MigrationInterface {
  name = 'QueueSortIndexes1795816205207';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "tickets_author_created_idx" ON "tickets"  ("author_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "tickets_team_priority_active_idx" ON "tickets" ("team_id", ${PRIORITY_RANK}, "last_activity_at", "id") ${ACTIVE}`,
    );
    await queryRunner.query(
      `CREATE INDEX "tickets_assignee_priority_active_idx" ON "tickets" ("assignee_id", ${PRIORITY_RANK}, "last_activity_at", "id") ${ACTIVE}`,
    );
    await queryRunner.query(
      `CREATE INDEX "tickets_team_sla_active_idx" ON "tickets" ("team_id", ${SLA_DUE_ORDER}, "id") ${ACTIVE}`,
    );
    await queryRunner.query(
      `CREATE INDEX "tickets_assignee_sla_active_idx" ON "tickets" ("assignee_id", ${SLA_DUE_ORDER}, "id") ${ACTIVE}`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."tickets_assignee_sla_active_idx"`);
    await queryRunner.query(`DROP INDEX "public"."tickets_team_sla_active_idx"`);
    await queryRunner.query(`DROP INDEX "public"."tickets_assignee_priority_active_idx"`);
    await queryRunner.query(`DROP INDEX "public"."tickets_team_priority_active_idx"`);
    await queryRunner.query(`DROP INDEX "public"."tickets_author_created_idx"`);
  }
}
