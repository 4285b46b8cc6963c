import type { Note, Role } from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface NoteRow {
  id: string;
  ticketId: string;
  authorId: string | null;
  body: string;
  mentionedUserIds: string[];
  createdAt: Date;
}

/** The columns of a NoteRow, of the notes table aliased `n`. */
export const NOTE_COLUMNS = `n.id, n.ticket_id AS "ticketId", n.author_id AS "authorId", n.body,
  n.mentioned_user_ids AS "mentionedUserIds", n.created_at AS "createdAt"`;

export const toNote = (r: NoteRow): Note => ({
  id: r.id,
  ticketId: r.ticketId,
  authorId: r.authorId,
  body: r.body,
  mentionedUserIds: r.mentionedUserIds,
  createdAt: r.createdAt.toISOString(),
});

export interface ActiveUserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
}

@Injectable()
export class NoteRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  /** Every active user: a workspace has tens to hundreds, and `@word` matching needs their names. */
  activeUsers(em: EntityManager): Promise<ActiveUserRow[]> {
    return em.query<ActiveUserRow[]>('SELECT id, email, name, role FROM users WHERE active ORDER BY created_at, id');
  }

  async insert(
    em: EntityManager,
    n: { ticketId: string; authorId: string; body: string; mentionedUserIds: string[] },
  ): Promise<NoteRow> {
    const rows = await em.query<NoteRow[]>(
      `INSERT INTO notes AS n (ticket_id, author_id, body, mentioned_user_ids) VALUES ($1, $2, $3, $4::uuid[])
       RETURNING ${NOTE_COLUMNS}`,
      [n.ticketId, n.authorId, n.body, n.mentionedUserIds],
    );
    return rows[0]!;
  }
}
