import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { SourceEntity } from './source.entity.js';

/** A processed `webhook-id`: a repeated delivery is acknowledged with the first answer, not re-ingested. */
@Entity('webhook_deliveries')
@Index('webhook_deliveries_received_idx', ['receivedAt'])
export class WebhookDeliveryEntity {
  @PrimaryColumn('uuid')
  sourceId: string;

  @PrimaryColumn({ type: 'varchar', length: 200 })
  messageId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt: Date;

  @Column({ type: 'jsonb' })
  result: unknown;

  @ManyToOne('SourceEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  source?: Relation<SourceEntity>;
}
