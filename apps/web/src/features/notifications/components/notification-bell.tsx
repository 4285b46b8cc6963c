import type { Notification } from '@dengar/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { DateTime } from '../../../components/date-time';
import { paths } from '../../../config/paths';
import type { MessageKey } from '../../../i18n/dictionaries';
import { useLocale, useT } from '../../../i18n/i18n-provider';
import { useLatestNotifications } from '../api/get-notifications';
import { useMarkNotificationsRead } from '../api/mark-notifications-read';
import { useNotificationEvents } from '../hooks/use-notification-events';
import { viewFor } from '../notification-cache';
import './notifications.css';

const KIND_LABELS: Record<Notification['kind'], MessageKey> = {
  assigned: 'header.notifications.kind.assigned',
  mentioned: 'header.notifications.kind.mentioned',
  sla_breached: 'header.notifications.kind.slaBreached',
};

/** The count on the bell itself; the button's name always carries the exact number. */
const BADGE_MAX = 99;

/**
 * The header's bell: the unread count (live, via `notification.created`) on a button that opens the newest
 * notifications. Opening one marks it read and goes to its ticket; "Mark all as read" clears the count.
 */
export function NotificationBell() {
  const t = useT();
  const { locale } = useLocale();
  const notifications = useLatestNotifications();
  const markRead = useMarkNotificationsRead();
  useNotificationEvents();

  const [open, setOpen] = useState(false);
  const wrapRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const panelId = useId();
  const titleId = useId();

  const unread = notifications.data?.unread ?? 0;
  const count = new Intl.NumberFormat(locale).format(unread);
  const badge = unread > BADGE_MAX ? `${new Intl.NumberFormat(locale).format(BADGE_MAX)}+` : count;

  useEffect(() => {
    if (!open) return;
    panelRef.current?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !wrapRef.current?.contains(event.target)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  function openNotification(notification: Notification) {
    if (notification.readAt == null) markRead.mutate([notification.id]);
    setOpen(false);
  }

  const items = notifications.data?.items ?? [];

  return (
    <div className="notification-bell" ref={wrapRef}>
      <button
        ref={buttonRef}
        type="button"
        className="icon-button notification-bell__button"
        aria-label={t('header.notifications.button', { count })}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((was) => !was)}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {unread > 0 && (
          <span className="notification-bell__count" aria-hidden="true">
            {badge}
          </span>
        )}
      </button>
      <section
        id={panelId}
        ref={panelRef}
        className="notification-panel"
        role="dialog"
        aria-labelledby={titleId}
        tabIndex={-1}
        hidden={!open}
      >
        <div className="notification-panel__header">
          <h2 id={titleId} className="notification-panel__title">
            {t('header.notifications.title')}
          </h2>
          <button
            type="button"
            className="button button--small"
            disabled={unread === 0 || markRead.isPending}
            onClick={() => markRead.mutate(undefined)}
          >
            {t('header.notifications.markAllRead')}
          </button>
        </div>
        {notifications.isPending ? (
          <p className="notification-panel__state">{t('app.loading')}</p>
        ) : notifications.isError ? (
          <div className="notification-panel__state" role="alert">
            <p>{t('header.notifications.loadFailed')}</p>
            <button type="button" className="button button--small" onClick={() => void notifications.refetch()}>
              {t('header.notifications.retry')}
            </button>
          </div>
        ) : items.length === 0 ? (
          <p className="notification-panel__state">{t('header.notifications.empty')}</p>
        ) : (
          <ul className="notification-list">
            {items.map((notification) => (
              <NotificationItem key={notification.id} notification={notification} onOpen={openNotification} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function NotificationItem({
  notification,
  onOpen,
}: {
  notification: Notification;
  onOpen: (notification: Notification) => void;
}) {
  const t = useT();
  const isUnread = notification.readAt == null;
  const body = (
    <>
      <span className="notification-item__kind">
        {t(KIND_LABELS[notification.kind])}
        {isUnread && <span className="badge badge--info">{t('header.notifications.unread')}</span>}
      </span>
      {/* Written by the server from user content (a note's excerpt, a subject): text, never markup. */}
      <span className="notification-item__text">{notification.text}</span>
      <span className="notification-item__time">
        <DateTime value={notification.createdAt} />
      </span>
    </>
  );
  return (
    <li className={`notification-item${isUnread ? ' notification-item--unread' : ''}`}>
      {notification.ticketId ? (
        <Link
          className="notification-item__link"
          to={paths.inboxTicket(viewFor(notification.kind), notification.ticketId)}
          onClick={() => onOpen(notification)}
        >
          {body}
        </Link>
      ) : (
        <div className="notification-item__link">{body}</div>
      )}
    </li>
  );
}
