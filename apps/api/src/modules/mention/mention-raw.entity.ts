import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { MentionEntity } from './mention.entity.js';

/** The source's JSON for a mention, for audit; wide and rarely read, so kept out of `mentions` (STYLE traps). */
@Entity('mention_raw')
export class MentionRawEntity {
  @PrimaryColumn('uuid')
  mentionId: string;

  @Column({ type: 'jsonb' })
  raw: unknown;

  @OneToOne('MentionEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mention_id' })
  mention?: Relation<MentionEntity>;
}
