import { TICKET_EVENT_TYPES, type TicketEventType } from '@dengar/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { UserEntity } from '../user/user.entity.js';
import type { TicketEntity } from './ticket.entity.js';

/** The ticket's timeline and audit trail (SPEC §3). */
@Entity('ticket_events')
@Check('ticket_events_type_check', `"type" IN (${TICKET_EVENT_TYPES.map((t) => `'${t}'`).join(', ')})`)
@Index('ticket_events_ticket_at_idx', ['ticketId', 'at', 'id'])
export class TicketEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  ticketId: string;

  @Column({ type: 'varchar', length: 32 })
  type: TicketEventType;

  /** Null for the system. */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @ManyToOne('TicketEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Relation<TicketEntity>;

  @ManyToOne('UserEntity', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: Relation<UserEntity>;
}
