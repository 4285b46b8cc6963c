import type { Notification, Page } from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import { decodeCursor, toPage } from '../../common/pagination.js';
import type { Principal } from '../../common/principal.js';
import { NotificationRepository, type NotificationRow } from './notification.repository.js';

const toNotification = (r: NotificationRow): Notification => ({
  id: r.id,
  kind: r.kind,
  ticketId: r.ticketId,
  actorId: r.actorId,
  text: r.text,
  readAt: r.readAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});

/** A user's own notifications; writing them is NotificationWriter's job, in the transaction of their cause. */
@Injectable()
export class NotificationService {
  constructor(private readonly notifications: NotificationRepository) {}

  async list(
    actor: Principal,
    q: { unread?: boolean; limit: number; cursor?: string },
  ): Promise<Page<Notification> & { unread: number }> {
    const after = decodeCursor(q.cursor, 2) as [string, string] | undefined;
    const rows = await this.notifications.list(actor.userId, q.unread === true, q.limit, after);
    const page = toPage(rows, q.limit, toNotification, (r) => [r.createdKey, r.id]);
    return { ...page, unread: await this.notifications.unreadCount(actor.userId) };
  }

  async markRead(actor: Principal, ids?: string[]): Promise<{ updated: number; unread: number }> {
    const updated = await this.notifications.markRead(actor.userId, ids);
    return { updated, unread: await this.notifications.unreadCount(actor.userId) };
  }
}
