import type { Role } from '@dengar/contracts';
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
      `INSERT INTO notes (ticket_id, author_id, body, mentioned_user_ids) VALUES ($1, $2, $3, $4::uuid[])
       RETURNING id, ticket_id AS "ticketId", author_id AS "authorId", body,
         mentioned_user_ids AS "mentionedUserIds", created_at AS "createdAt"`,
      [n.ticketId, n.authorId, n.body, n.mentionedUserIds],
    );
    return rows[0]!;
  }
}
