import type { Notification, NotificationKind } from '@dengar/contracts';
import type { NotificationPage } from './api/get-notifications';

/**
 * A notification that arrived live (or in a replay after a reconnect) joins the top of the bell's list once;
 * the unread count follows. Kept newest first, as the API lists them.
 */
export function addNotification(page: NotificationPage, notification: Notification): NotificationPage {
  if (page.items.some((n) => n.id === notification.id)) return page;
  const items = [notification, ...page.items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { ...page, items, unread: page.unread + (notification.readAt == null ? 1 : 0) };
}

/** These notifications (all when `ids` is absent) read at `at`; `unread` is the server's count after. */
export function markRead(
  page: NotificationPage,
  ids: readonly string[] | undefined,
  at: string,
  unread: number,
): NotificationPage {
  const chosen = ids ? new Set(ids) : null;
  const items = page.items.map((n) => (n.readAt == null && (!chosen || chosen.has(n.id)) ? { ...n, readAt: at } : n));
  return { ...page, items, unread };
}

/**
 * Which inbox view a notification's ticket opens in: an assignment is in "Mine"; a mention in a note or a
 * breach may be on a colleague's ticket, which "My teams" holds (for managers: every team).
 */
export function viewFor(kind: NotificationKind): 'mine' | 'team' {
  switch (kind) {
    case 'assigned':
      return 'mine';
    case 'mentioned':
    case 'sla_breached':
      return 'team';
  }
}
