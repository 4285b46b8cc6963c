import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The table @socket.io/postgres-adapter uses for messages too large for NOTIFY (over 8 kB). It belongs to the
 * adapter, not to an entity, so it is written by hand here rather than created by the adapter at run time.
 */
export class SocketIoAttachments1795800000000 implements MigrationInterface {
  name = 'SocketIoAttachments1795800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "socket_io_attachments" ("id" BIGSERIAL UNIQUE, "created_at" TIMESTAMP WITH TIME ZONE DEFAULT now(), "payload" bytea)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "socket_io_attachments"`);
  }
}
