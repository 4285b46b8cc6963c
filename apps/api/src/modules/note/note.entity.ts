import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { TicketEntity } from '../ticket/ticket.entity.js';
import type { UserEntity } from '../user/user.entity.js';

/** An internal comment on a ticket; `@mentions` notify the users named (SPEC §6). */
@Entity('notes')
@Index('notes_ticket_created_idx', ['ticketId', 'createdAt', 'id'])
export class NoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  ticketId: string;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  mentionedUserIds: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne('TicketEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Relation<TicketEntity>;

  @ManyToOne('UserEntity', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: Relation<UserEntity>;
}
