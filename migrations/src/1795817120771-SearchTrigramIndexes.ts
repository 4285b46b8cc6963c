import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search (`GET /api/tickets?q=`) without reading every active ticket: trigram indexes for `subject ILIKE '%…%'`
 * over the active tickets (what the default views list) and for `handle ILIKE '%…%'` over the authors.
 * pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it. TypeORM cannot describe
 * GIN/operator-class indexes: the entities name them with `synchronize: false`. `down` keeps the extension
 * (other objects may use it).
 */
export class SearchTrigramIndexes1795817120771 implements MigrationInterface {
  name = 'SearchTrigramIndexes1795817120771';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE INDEX "tickets_subject_trgm_active_idx" ON "tickets" USING gin ("subject" gin_trgm_ops) WHERE "status" IN ('new', 'open', 'pending')`,
    );
    await queryRunner.query(`CREATE INDEX "authors_handle_trgm_idx" ON "authors" USING gin ("handle" gin_trgm_ops)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."authors_handle_trgm_idx"`);
    await queryRunner.query(`DROP INDEX "public"."tickets_subject_trgm_active_idx"`);
  }
}
