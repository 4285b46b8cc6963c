import type { Mention, Note, Reply, TicketDetail, TicketEvent, User } from '@dengar/contracts';
import { useState } from 'react';
import { CopyField } from '../../../components/copy-field';
import { DateTime } from '../../../components/date-time';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/error-message';
import { useTeams } from '../api/get-teams';
import { useEarlierThread } from '../api/get-thread';
import { useRetryReply } from '../api/retry-reply';
import { eventText } from '../event-text';
import { linkify, safeHref } from '../safe-links';
import { threadItemKey, threadItems } from '../thread-items';

type Names = ReadonlyMap<string, string>;

/** The conversation oldest first: the customer's posts, our replies, internal notes and what happened. */
export function TicketThread({ detail, names, me }: { detail: TicketDetail; names: Names; me: User }) {
  const t = useT();
  const [wantEarlier, setWantEarlier] = useState(false);
  const earlier = useEarlierThread(detail.id, detail.threadCursor, wantEarlier);
  const earlierItems = earlier.data?.pages.flatMap((page) => page.items) ?? [];
  const items = threadItems(detail, earlierItems);
  const moreToLoad = wantEarlier ? earlier.hasNextPage : detail.threadCursor !== null;
  const loading = wantEarlier && (earlier.isFetching || earlier.isFetchingNextPage);

  function loadEarlier() {
    if (!wantEarlier) setWantEarlier(true);
    else void earlier.fetchNextPage();
  }

  return (
    <section className="thread" aria-labelledby="thread-heading">
      <h3 id="thread-heading" className="visually-hidden">
        {t('ticket.thread')}
      </h3>
      {earlier.isError && (
        <p className="inline-error" role="alert">
          {errorMessage(earlier.error, t)}
        </p>
      )}
      {(moreToLoad || loading) && (
        <button type="button" className="button button--small thread__earlier" disabled={loading} onClick={loadEarlier}>
          {loading ? t('ticket.loadingEarlier') : t('ticket.loadEarlier')}
        </button>
      )}
      <ol className="thread__list">
        {items.map((item) => (
          <li key={threadItemKey(item)} className="thread__item">
            {item.kind === 'mention' && <MentionEntry mention={item.mention} />}
            {item.kind === 'reply' && <ReplyEntry reply={item.reply} names={names} me={me} />}
            {item.kind === 'note' && <NoteEntry note={item.note} names={names} me={me} />}
            {item.kind === 'event' && <EventEntry event={item.event} names={names} />}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Plain text with http(s) links made clickable; nothing is ever parsed as markup. */
function RichText({ text }: { text: string }) {
  return (
    <p className="thread__text">
      {linkify(text).map((part, index) =>
        part.kind === 'link' ? (
          <a key={index} href={part.href} target="_blank" rel="noopener noreferrer nofollow">
            {part.text}
          </a>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}

function ExternalLink({ href, children }: { href: string | null; children: string }) {
  const safe = safeHref(href);
  if (!safe) return null;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  );
}

const personName = (id: string | null, names: Names, me: User, fallback: string) =>
  id === null ? fallback : id === me.id ? me.name : (names.get(id) ?? fallback);

function MentionEntry({ mention }: { mention: Mention }) {
  const t = useT();
  const author = mention.author.displayName ?? mention.author.handle;
  return (
    <article className="thread-entry thread-entry--mention" aria-label={t('ticket.mention.label', { name: author })}>
      <header className="thread-entry__meta">
        <span className="thread-entry__who">{author}</span>
        <span className="muted">@{mention.author.handle.replace(/^@/, '')}</span>
        <DateTime value={mention.postedAt} />
        {mention.editedAt && <span className="badge badge--muted">{t('ticket.mention.edited')}</span>}
        {mention.isSpam && <span className="badge badge--muted">{t('ticket.mention.spam')}</span>}
      </header>
      <RichText text={mention.text} />
      <ExternalLink href={mention.url}>
        {t('ticket.mention.viewPost', { platform: t(`sources.kind.${mention.sourceKind}`) })}
      </ExternalLink>
    </article>
  );
}

function ReplyEntry({ reply, names, me }: { reply: Reply; names: Names; me: User }) {
  const t = useT();
  const retry = useRetryReply(reply.ticketId);
  const who = personName(reply.authorId, names, me, t('ticket.someoneElse'));
  const badge =
    reply.status === 'sent'
      ? 'badge--ok'
      : reply.status === 'failed'
        ? 'ticket-badge--danger'
        : reply.status === 'manual'
          ? 'badge--info'
          : 'badge--muted';
  return (
    <article className="thread-entry thread-entry--reply" aria-label={t('ticket.reply.label', { name: who })}>
      <header className="thread-entry__meta">
        <span className="thread-entry__who">{who}</span>
        <DateTime value={reply.createdAt} />
        <span
          className={`badge ${badge}`}
          aria-label={`${t('ticket.reply.state')}: ${t(`ticket.reply.status.${reply.status}`)}`}
        >
          {t(`ticket.reply.status.${reply.status}`)}
        </span>
      </header>
      <RichText text={reply.body} />
      {reply.status === 'sent' && <ExternalLink href={reply.externalUrl}>{t('ticket.reply.viewSent')}</ExternalLink>}
      {reply.status === 'failed' && (
        <div className="thread-entry__failure" role="alert">
          <p>{t('ticket.reply.failedReason', { reason: reply.error ?? t('errors.generic') })}</p>
          <p className="muted">{t('ticket.reply.attempts', { count: reply.attempts })}</p>
          <button
            type="button"
            className="button button--small"
            disabled={retry.isPending}
            onClick={() => retry.mutate(reply.id)}
          >
            {retry.isPending ? t('ticket.reply.retrying') : t('ticket.reply.retry')}
          </button>
        </div>
      )}
      {reply.status === 'manual' && (
        <div className="thread-entry__manual">
          <p className="muted">{t('ticket.reply.manualHint')}</p>
          <CopyField label={t('ticket.reply.manualText')} value={reply.manualText ?? reply.body} />
          <ExternalLink href={reply.postUrl}>{t('ticket.reply.openPost')}</ExternalLink>
        </div>
      )}
    </article>
  );
}

function NoteEntry({ note, names, me }: { note: Note; names: Names; me: User }) {
  const t = useT();
  const who = personName(note.authorId, names, me, t('ticket.someoneElse'));
  return (
    <article className="thread-entry thread-entry--note" aria-label={t('ticket.note.label', { name: who })}>
      <header className="thread-entry__meta">
        <span className="badge ticket-badge--internal">{t('ticket.note.badge')}</span>
        <span className="thread-entry__who">{who}</span>
        <DateTime value={note.createdAt} />
      </header>
      <RichText text={note.body} />
    </article>
  );
}

function EventEntry({ event, names }: { event: TicketEvent; names: Names }) {
  const t = useT();
  const teams = useTeams();
  const text = eventText(
    event,
    {
      user: (id) => names.get(id) ?? null,
      team: (id) => teams.data?.find((team) => team.id === id)?.name ?? null,
    },
    t,
  );
  return (
    <p className="thread-event">
      <span>{text}</span> <DateTime value={event.at} />
    </p>
  );
}
