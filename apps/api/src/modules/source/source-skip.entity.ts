import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { SourceEntity } from './source.entity.js';

/** One skipped item and why (a bad payload item, a refused reply URL…), kept a few days for the health view. */
@Entity('source_skips')
@Index('source_skips_source_at_idx', ['sourceId', 'at'])
export class SourceSkipEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  sourceId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'varchar', length: 500, nullable: true })
  externalId: string | null;

  @Column({ type: 'varchar', length: 300 })
  reason: string;

  @ManyToOne('SourceEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  source?: Relation<SourceEntity>;
}
