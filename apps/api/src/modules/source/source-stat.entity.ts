import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { SourceEntity } from './source.entity.js';

/** Per source and hour: items stored, duplicates and skips (the health view sums the last 24 h). */
@Entity('source_stats')
export class SourceStatEntity {
  @PrimaryColumn('uuid')
  sourceId: string;

  @PrimaryColumn({ type: 'timestamptz' })
  hour: Date;

  @Column({ type: 'int', default: 0 })
  ingested: number;

  @Column({ type: 'int', default: 0 })
  duplicates: number;

  @Column({ type: 'int', default: 0 })
  skipped: number;

  @ManyToOne('SourceEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  source?: Relation<SourceEntity>;
}
