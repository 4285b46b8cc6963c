import { CreateDateColumn, Entity, Column, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { TicketEntity } from '../ticket/ticket.entity.js';
import type { TagEntity } from './tag.entity.js';

@Entity('ticket_tags')
// "Tickets with tag X" (queue filter, insights) reads by tag.
@Index('ticket_tags_tag_idx', ['tagId', 'ticketId'])
export class TicketTagEntity {
  @PrimaryColumn('uuid')
  ticketId: string;

  @PrimaryColumn('uuid')
  tagId: string;

  @Column({ type: 'uuid', nullable: true })
  addedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  addedAt: Date;

  @ManyToOne('TicketEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Relation<TicketEntity>;

  @ManyToOne('TagEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tag_id' })
  tag?: Relation<TagEntity>;
}
