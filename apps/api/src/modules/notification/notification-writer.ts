import { ROOM, type Notification, type NotificationKind } from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { event, type PendingEvent } from '../event/event-log.service.js';

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  ticketId: string | null;
  actorId: string | null;
  text: string;
}

/** Stores notifications in the caller's transaction and queues `notification.created` to each user's room. */
@Injectable()
export class NotificationWriter {
  async notify(em: EntityManager, items: NewNotification[], events: PendingEvent[]): Promise<Notification[]> {
    // Nobody is told about their own action.
    const wanted = items.filter((n) => n.userId !== n.actorId);
    if (!wanted.length) return [];
    const rows = await em.query<
      {
        id: string;
        userId: string;
        kind: NotificationKind;
        ticketId: string | null;
        actorId: string | null;
        text: string;
        createdAt: Date;
      }[]
    >(
      `INSERT INTO notifications (user_id, kind, ticket_id, actor_id, text)
       SELECT n.user_id, n.kind, n.ticket_id, n.actor_id, left(n.text, 300)
       FROM jsonb_to_recordset($1::jsonb) AS n(user_id uuid, kind text, ticket_id uuid, actor_id uuid, text text)
       JOIN users u ON u.id = n.user_id AND u.active
       RETURNING id, user_id AS "userId", kind, ticket_id AS "ticketId", actor_id AS "actorId", text,
         created_at AS "createdAt"`,
      [
        JSON.stringify(
          wanted.map((n) => ({
            user_id: n.userId,
            kind: n.kind,
            ticket_id: n.ticketId,
            actor_id: n.actorId,
            text: n.text,
          })),
        ),
      ],
    );
    return rows.map((r) => {
      const n: Notification = {
        id: r.id,
        kind: r.kind,
        ticketId: r.ticketId,
        actorId: r.actorId,
        text: r.text,
        readAt: null,
        createdAt: r.createdAt.toISOString(),
      };
      events.push(event('notification.created', [ROOM.user(r.userId)], n));
      return n;
    });
  }
}
