import type { TagKind } from '@dengar/contracts';
import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A label on tickets: what came of it (`outcome`), what it is about (`topic`), or which promotion (`campaign`). */
@Entity('tags')
@Check('tags_kind_check', `"kind" IN ('outcome', 'topic', 'campaign')`)
@Check('tags_color_check', `"color" ~ '^#[0-9a-f]{6}$'`)
export class TagEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 60, unique: true })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: TagKind;

  @Column({ type: 'varchar', length: 7, default: '#64748b' })
  color: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
