import type { Locale, Ticket } from '@dengar/contracts';
import { memo } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../components/date-time';
import { paths } from '../../../config/paths';
import { useLocale, useT, type Translate } from '../../../i18n/i18n-provider';
import { durationParts, relativeParts, slaCountdown } from '../sla';
import { PlatformBadge } from './platform-badge';

const relativeFormats = new Map<Locale, Intl.RelativeTimeFormat>();
function relativeTime(iso: string, now: number, locale: Locale): string {
  let format = relativeFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
    relativeFormats.set(locale, format);
  }
  const { value, unit } = relativeParts(iso, now);
  return format.format(value, unit);
}

function duration(ms: number, t: Translate): string {
  const { form, values } = durationParts(ms);
  return t(`queue.duration.${form}`, values);
}

function Sla({ ticket, now }: { ticket: Ticket; now: number }) {
  const t = useT();
  const { tone, remainingMs } = slaCountdown(ticket, now);
  let text: string;
  switch (tone) {
    case 'none':
      return null;
    case 'met':
      text = t('queue.sla.met');
      break;
    case 'breached':
      text =
        remainingMs === null
          ? t('queue.sla.breachedAnswered')
          : t('queue.sla.overdue', { time: duration(remainingMs, t) });
      break;
    case 'ok':
    case 'warning':
      text = t('queue.sla.left', { time: duration(remainingMs ?? 0, t) });
      break;
  }
  return (
    <span className={`sla sla--${tone}`} title={t('queue.sla.label', { state: text })}>
      <span className="visually-hidden">{t('queue.sla.label', { state: '' })}</span>
      {text}
    </span>
  );
}

export interface TicketRowProps {
  ticket: Ticket;
  view: string;
  index: number;
  total: number;
  top: number;
  now: number;
  /** The keyboard cursor (j/k). */
  selected: boolean;
  /** The ticket open in the right pane. */
  current: boolean;
  /** Reachable with Tab (one row of the list is). */
  tabbable: boolean;
  checked: boolean;
  assigneeName: string;
  onToggle: (id: string, checked: boolean) => void;
  onSelect: (id: string) => void;
}

/** One ticket of the queue: a checkbox and a link that opens it. User text is rendered as text. */
export const TicketRow = memo(function TicketRow({
  ticket,
  view,
  index,
  total,
  top,
  now,
  selected,
  current,
  tabbable,
  checked,
  assigneeName,
  onToggle,
  onSelect,
}: TicketRowProps) {
  const t = useT();
  const { locale } = useLocale();
  const author = ticket.author.displayName ?? `@${ticket.author.handle}`;
  const classes = ['queue-row'];
  if (selected) classes.push('is-selected');
  if (current) classes.push('is-current');
  if (checked) classes.push('is-checked');
  return (
    <li
      className={classes.join(' ')}
      style={{ transform: `translateY(${top}px)` }}
      aria-posinset={index + 1}
      aria-setsize={total}
      data-ticket-id={ticket.id}
    >
      <input
        type="checkbox"
        className="queue-row__check"
        checked={checked}
        aria-label={t('queue.row.select', { number: ticket.number })}
        onChange={(event) => onToggle(ticket.id, event.target.checked)}
      />
      <Link
        to={paths.inboxTicket(view, ticket.id)}
        className="queue-row__link"
        aria-current={current ? 'page' : undefined}
        tabIndex={tabbable ? 0 : -1}
        onFocus={() => onSelect(ticket.id)}
      >
        <span className="queue-row__top">
          <PlatformBadge kind={ticket.sourceKind} />
          <span className="queue-row__author">{author}</span>
          <span className="queue-row__influence">{t('mentions.influence', { score: ticket.author.influence })}</span>
          <span className="queue-row__number">{t('queue.row.number', { number: ticket.number })}</span>
          <time
            className="queue-row__time"
            dateTime={ticket.lastActivityAt}
            title={formatDateTime(ticket.lastActivityAt, locale)}
          >
            <span className="visually-hidden">{t('queue.row.lastActivity', { time: '' })}</span>
            {relativeTime(ticket.lastActivityAt, now, locale)}
          </time>
        </span>
        <span className="queue-row__subject">{ticket.subject.trim() || t('queue.row.noSubject')}</span>
        <span className="queue-row__meta">
          <span className={`chip chip--priority-${ticket.priority}`}>
            <span className="visually-hidden">{t('queue.row.priority', { priority: '' })}</span>
            {t(`queue.priority.${ticket.priority}`)}
          </span>
          <span className={`chip chip--sentiment-${ticket.sentiment.label}`}>
            {t(`mentions.sentiment.${ticket.sentiment.label}`)}
          </span>
          {ticket.type && <span className="chip">{t(`mentions.type.${ticket.type}`)}</span>}
          <Sla ticket={ticket} now={now} />
          <span className="queue-row__assignee">
            <span className="visually-hidden">{t('queue.row.assignee', { name: '' })}</span>
            {assigneeName}
          </span>
          {ticket.tags.map((tag) => (
            <span key={tag.id} className="chip chip--tag" style={{ borderColor: tag.color }}>
              {tag.name}
            </span>
          ))}
        </span>
      </Link>
    </li>
  );
});
