import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One failed sign-in, keyed by `ip:<addr>` and by `email:<addr>` (two rows per failure). Kept in PostgreSQL so
 * the limit holds across API instances.
 */
@Entity('login_failures')
@Index('login_failures_key_at_idx', ['key', 'at'])
export class LoginFailureEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 300 })
  key: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
