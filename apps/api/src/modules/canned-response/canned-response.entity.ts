import type { Locale } from '@dengar/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A saved answer with `{{variables}}`, per language (SPEC §6). */
@Entity('canned_responses')
@Check('canned_responses_language_check', `"language" IN ('en', 'id')`)
@Index('canned_responses_shortcut_language_key', ['shortcut', 'language'], { unique: true })
export class CannedResponseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** What follows `/` in the composer, e.g. `thanks`. */
  @Column({ type: 'varchar', length: 40 })
  shortcut: string;

  @Column({ type: 'varchar', length: 2 })
  language: Locale;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
