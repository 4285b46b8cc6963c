import type { SourceKind } from '@dengar/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A person on a platform (SPEC §3): one row per `(source_kind, external_id)`. */
@Entity('authors')
@Unique('authors_source_kind_external_id_key', ['sourceKind', 'externalId'])
// Ticket search by handle fragment (`handle ILIKE '%…%'`): a GIN trigram index (pg_trgm), written by hand in the
// migration SearchTrigramIndexes (TypeORM cannot describe operator classes).
@Index('authors_handle_trgm_idx', { synchronize: false })
export class AuthorEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  sourceKind: SourceKind;

  @Column({ type: 'varchar', length: 500 })
  externalId: string;

  @Column({ type: 'varchar', length: 300 })
  handle: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  displayName: string | null;

  @Column({ type: 'text', nullable: true })
  profileUrl: string | null;

  @Column({ type: 'int', default: 0 })
  followers: number;

  @Column({ type: 'boolean', default: false })
  verified: boolean;

  @Column({ type: 'smallint', default: 0 })
  influence: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  firstSeenAt: Date;

  @Column({ type: 'int', default: 0 })
  mentionCount: number;
}
