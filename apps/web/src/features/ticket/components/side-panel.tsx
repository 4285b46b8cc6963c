import {
  TICKET_PRIORITIES,
  TicketPrioritySchema,
  type Ticket,
  type TicketDetail,
  type TicketStatus,
  type UpdateTicketRequest,
  type User,
} from '@dengar/contracts';
import type { UseMutationResult } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { DateTime, formatDateTime } from '../../../components/date-time';
import { paths } from '../../../config/paths';
import { useLocale, useT } from '../../../i18n/i18n-provider';
import type { AssignableMember } from '../api/get-team-members';
import { isStaleVersion } from '../api/update-ticket';
import { safeHref } from '../safe-links';
import { snoozeInstant, statusActions, toLocalInput } from '../status-actions';
import { AssignDialog } from './assign-dialog';
import { TagsDialog } from './tags-dialog';

type UpdateMutation = UseMutationResult<Ticket, Error, UpdateTicketRequest>;

export interface SidePanelProps {
  detail: TicketDetail;
  me: User;
  members: AssignableMember[];
  names: ReadonlyMap<string, string>;
  notice: string | null;
  onDismissNotice: () => void;
  onChangeStatus: (status: TicketStatus, snoozedUntil?: string) => void;
  update: UpdateMutation;
  assignOpen: boolean;
  setAssignOpen: (open: boolean) => void;
  tagsOpen: boolean;
  setTagsOpen: (open: boolean) => void;
  onConflict: () => void;
}

/** Facts, actions and the author card beside the thread. */
export function SidePanel(props: SidePanelProps) {
  const { detail, me, names, notice, onDismissNotice, onChangeStatus, update } = props;
  const t = useT();
  const priorityId = useId();
  const assignee = detail.assigneeId
    ? detail.assigneeId === me.id
      ? me.name
      : (names.get(detail.assigneeId) ?? t('ticket.someoneElse'))
    : t('ticket.nobody');
  const actions = statusActions(detail.status, me.role).filter((s) => s !== 'snoozed');
  const canSnooze = statusActions(detail.status, me.role).includes('snoozed');

  function mutate(changes: Omit<UpdateTicketRequest, 'version'>) {
    update.mutate(
      { version: detail.version, ...changes },
      {
        onError: (error) => {
          if (isStaleVersion(error)) props.onConflict();
        },
      },
    );
  }

  return (
    <div className="ticket-side">
      {notice && (
        <div className="form-alert ticket-side__notice" role="alert">
          <p>{notice}</p>
          <button type="button" className="button button--small" onClick={onDismissNotice}>
            {t('common.close')}
          </button>
        </div>
      )}

      <section className="ticket-side__section" aria-labelledby="ticket-facts-heading">
        <h3 id="ticket-facts-heading" className="ticket-side__title">
          {t('ticket.facts')}
        </h3>
        <dl className="ticket-facts">
          <div>
            <dt>{t('ticket.fact.status')}</dt>
            <dd data-testid="ticket-status">{t(`ticket.status.${detail.status}`)}</dd>
          </div>
          <div>
            <dt>{t('ticket.fact.assignee')}</dt>
            <dd>{assignee}</dd>
          </div>
          <div>
            <dt>{t('ticket.fact.sla')}</dt>
            <dd className={detail.sla.state === 'breached' ? 'ticket-facts__late' : undefined}>
              {detail.sla.state === 'due' && detail.sla.dueAt ? (
                <SlaDue dueAt={detail.sla.dueAt} />
              ) : (
                t(`ticket.sla.${detail.sla.state}`)
              )}
            </dd>
          </div>
          {detail.status === 'snoozed' && detail.snoozedUntil && (
            <div>
              <dt>{t('ticket.fact.snoozedUntil')}</dt>
              <dd>
                <DateTime value={detail.snoozedUntil} />
              </dd>
            </div>
          )}
        </dl>
      </section>

      <section className="ticket-side__section" aria-labelledby="ticket-status-heading">
        <h3 id="ticket-status-heading" className="ticket-side__title">
          {t('ticket.statusActions')}
        </h3>
        <div className="ticket-side__buttons">
          {actions.map((status) => (
            <button
              key={status}
              type="button"
              className={`button button--small${status === 'resolved' ? ' button--primary' : ''}`}
              disabled={update.isPending}
              onClick={() => onChangeStatus(status)}
            >
              {t(`ticket.do.${status as Exclude<TicketStatus, 'new' | 'snoozed'>}`)}
            </button>
          ))}
        </div>
        {canSnooze && <SnoozeForm disabled={update.isPending} onSnooze={(iso) => onChangeStatus('snoozed', iso)} />}
        <div className="field">
          <label htmlFor={priorityId} className="field__label">
            {t('ticket.priority')}
          </label>
          <select
            id={priorityId}
            className="field__input"
            value={detail.priority}
            disabled={update.isPending}
            onChange={(event) => {
              const priority = TicketPrioritySchema.safeParse(event.target.value);
              if (priority.success) mutate({ priority: priority.data });
            }}
          >
            {TICKET_PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {t(`ticket.priority.${priority}`)}
              </option>
            ))}
          </select>
        </div>
      </section>

      <section className="ticket-side__section" aria-labelledby="ticket-assign-heading">
        <h3 id="ticket-assign-heading" className="ticket-side__title">
          {t('ticket.fact.assignee')}
        </h3>
        <p>{assignee}</p>
        <button type="button" className="button button--small" onClick={() => props.setAssignOpen(true)}>
          {t('ticket.assign')}
        </button>
        <AssignDialog
          open={props.assignOpen}
          onClose={() => props.setAssignOpen(false)}
          detail={detail}
          me={me}
          members={props.members}
          pending={update.isPending}
          onAssign={(assigneeId) => {
            mutate({ assigneeId });
            props.setAssignOpen(false);
          }}
        />
      </section>

      <section className="ticket-side__section" aria-labelledby="ticket-tags-heading">
        <h3 id="ticket-tags-heading" className="ticket-side__title">
          {t('ticket.tags')}
        </h3>
        {detail.tags.length === 0 ? (
          <p className="muted">{t('ticket.tags.none')}</p>
        ) : (
          <ul className="ticket-tags">
            {detail.tags.map((tag) => (
              <li key={tag.id} className="ticket-tag" style={{ borderColor: tag.color }}>
                <span className="ticket-tag__swatch" style={{ background: tag.color }} aria-hidden="true" />
                {tag.name}
                <span className="visually-hidden"> ({t(`ticket.tags.kind.${tag.kind}`)})</span>
              </li>
            ))}
          </ul>
        )}
        <button type="button" className="button button--small" onClick={() => props.setTagsOpen(true)}>
          {t('ticket.tags.edit')}
        </button>
        <TagsDialog
          open={props.tagsOpen}
          onClose={() => props.setTagsOpen(false)}
          detail={detail}
          role={me.role}
          notice={notice}
        />
      </section>

      <AuthorCard detail={detail} />
    </div>
  );
}

function SlaDue({ dueAt }: { dueAt: string }) {
  const t = useT();
  const { locale } = useLocale();
  const when = formatDateTime(dueAt, locale);
  return <time dateTime={dueAt}>{t('ticket.sla.due', { when })}</time>;
}

function SnoozeForm({ disabled, onSnooze }: { disabled: boolean; onSnooze: (iso: string) => void }) {
  const t = useT();
  const id = useId();
  const [value, setValue] = useState(() => toLocalInput(new Date(Date.now() + 24 * 3600_000)));
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const iso = snoozeInstant(value);
    if (!iso || Date.parse(iso) <= Date.now()) {
      setError(t('ticket.snooze.future'));
      return;
    }
    setError(null);
    onSnooze(iso);
  }

  return (
    <form className="ticket-snooze" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={id} className="field__label">
          {t('ticket.snooze')}
        </label>
        <input
          id={id}
          type="datetime-local"
          className="field__input"
          value={value}
          min={toLocalInput(new Date())}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => setValue(event.target.value)}
        />
        {error && (
          <p id={`${id}-error`} className="field__error">
            {error}
          </p>
        )}
      </div>
      <button type="submit" className="button button--small" disabled={disabled}>
        {t('ticket.snooze.submit')}
      </button>
    </form>
  );
}

function AuthorCard({ detail }: { detail: TicketDetail }) {
  const t = useT();
  const { locale } = useLocale();
  const { view } = useParams();
  const card = detail.authorCard;
  const number = new Intl.NumberFormat(locale);
  const profile = safeHref(card.profileUrl);
  return (
    <section className="ticket-side__section author-card" aria-labelledby="ticket-author-heading">
      <h3 id="ticket-author-heading" className="ticket-side__title">
        {t('ticket.author')}
      </h3>
      <p className="author-card__name">
        {card.displayName ?? card.handle}
        {card.verified && (
          <span className="badge badge--info author-card__verified" title={t('ticket.author.verified')}>
            {t('ticket.author.verified')}
          </span>
        )}
      </p>
      <p className="muted">@{card.handle.replace(/^@/, '')}</p>
      <dl className="ticket-facts">
        <div>
          <dt>{t('ticket.author.followers')}</dt>
          <dd>{number.format(card.followers)}</dd>
        </div>
        <div>
          <dt>{t('ticket.author.influence')}</dt>
          <dd>{number.format(card.influence)} / 100</dd>
        </div>
        <div>
          <dt>{t('ticket.author.mentions')}</dt>
          <dd>{number.format(card.mentionCount)}</dd>
        </div>
        <div>
          <dt>{t('ticket.author.firstSeen')}</dt>
          <dd>
            <DateTime value={card.firstSeenAt} />
          </dd>
        </div>
      </dl>
      {profile && (
        <a href={profile} target="_blank" rel="noopener noreferrer nofollow">
          {t('ticket.author.profile')}
        </a>
      )}
      <h4 className="author-card__subtitle">{t('ticket.author.earlier')}</h4>
      {card.earlierTickets.length === 0 ? (
        <p className="muted">{t('ticket.author.noEarlier')}</p>
      ) : (
        <ul className="author-card__tickets">
          {card.earlierTickets.map((ticket) => (
            <li key={ticket.id}>
              <Link to={paths.inboxTicket(view ?? 'team', ticket.id)}>
                {t('ticket.author.ticketLink', { number: ticket.number, subject: ticket.subject })}
              </Link>{' '}
              <span className="muted">{t(`ticket.status.${ticket.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
