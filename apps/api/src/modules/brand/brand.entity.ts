import type { BrandKind } from '@dengar/contracts';
import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** What is listened for (SPEC §3): the workspace's own brands and its competitors. */
@Entity('brands')
@Check('brands_kind_check', `"kind" IN ('own', 'competitor')`)
export class BrandEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 80, unique: true })
  name: string;

  @Column({ type: 'varchar', length: 16, default: 'own' })
  kind: BrandKind;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  keywords: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  handles: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  hashtags: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  excludedKeywords: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
