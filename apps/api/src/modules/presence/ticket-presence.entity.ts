import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { TicketEntity } from '../ticket/ticket.entity.js';
import type { UserEntity } from '../user/user.entity.js';

/** Who is viewing / typing on a ticket, per socket, shared by every instance (SPEC §5 "Presence and collision"). */
@Entity('ticket_presence')
@Index('ticket_presence_ticket_idx', ['ticketId'])
export class TicketPresenceEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  socketId: string;

  @PrimaryColumn('uuid')
  ticketId: string;

  @Column({ type: 'uuid' })
  userId: string;

  /** Set while the user types a reply; a typing signal lapses on its own if the client goes quiet. */
  @Column({ type: 'timestamptz', nullable: true })
  typingUntil: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  seenAt: Date;

  @ManyToOne('TicketEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Relation<TicketEntity>;

  @ManyToOne('UserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;
}
