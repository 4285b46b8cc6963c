import type { NotificationKind } from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { returning } from '../../database/sql.js';

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  ticketId: string | null;
  actorId: string | null;
  text: string;
  readAt: Date | null;
  createdAt: Date;
  /** `created_at` as PostgreSQL prints it: microseconds kept, so the keyset cursor is exact. */
  createdKey: string;
}

const COLUMNS = `n.id, n.kind, n.ticket_id AS "ticketId", n.actor_id AS "actorId", n.text, n.read_at AS "readAt",
  n.created_at AS "createdAt", n.created_at::text AS "createdKey"`;

@Injectable()
export class NotificationRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The user's notifications, newest first. */
  list(userId: string, unreadOnly: boolean, limit: number, after?: [string, string]): Promise<NotificationRow[]> {
    const params: unknown[] = [userId];
    const where = ['n.user_id = $1'];
    if (unreadOnly) where.push('n.read_at IS NULL');
    if (after) {
      params.push(after[0], after[1]);
      where.push(`(n.created_at, n.id) < ($2::timestamptz, $3::uuid)`);
    }
    params.push(limit + 1);
    return this.ds.query<NotificationRow[]>(
      `SELECT ${COLUMNS} FROM notifications n WHERE ${where.join(' AND ')}
       ORDER BY n.created_at DESC, n.id DESC LIMIT $${params.length}`,
      params,
    );
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = await this.ds.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL',
      [userId],
    );
    return row?.n ?? 0;
  }

  /** Marks the user's own unread notifications (these ids, or all) read; others' ids are ignored. */
  async markRead(userId: string, ids?: string[]): Promise<number> {
    const rows = await returning<{ id: string }>(
      this.ds,
      `UPDATE notifications SET read_at = now()
       WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
       RETURNING id`,
      [userId, ids ?? null],
    );
    return rows.length;
  }
}
