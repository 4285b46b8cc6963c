import type { TicketDetail, TicketStatus, User } from '@dengar/contracts';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { EmptyState } from '../../../components/empty-state';
import { Pane } from '../../../components/error-boundary';
import { useT } from '../../../i18n/i18n-provider';
import { isApiError } from '../../../lib/api-client';
import { pushToast } from '../../../lib/toast-store';
import { useMe } from '../api/get-me';
import { useSettings } from '../api/get-settings';
import { useTeamMembers } from '../api/get-team-members';
import { useTicket } from '../api/get-ticket';
import { isStaleVersion, useUpdateTicket } from '../api/update-ticket';
import type { ComposerMode } from '../composer-trigger';
import { usePresence } from '../hooks/use-presence';
import { useTicketEvents } from '../hooks/use-ticket-events';
import { resolveBlock } from '../status-actions';
import { Composer, type ComposerHandle } from './composer';
import { PresenceLine } from './presence-line';
import { SidePanel } from './side-panel';
import { TicketThread } from './ticket-thread';
import './ticket.css';

/** The open ticket: thread, replies, notes, events, author card, actions and composer. */
export function TicketPane({ ticketId }: { ticketId: string }) {
  const t = useT();
  return (
    <Pane resetKey={ticketId} loadingLabel={t('ticket.loading')}>
      <TicketView ticketId={ticketId} />
    </Pane>
  );
}

function TicketView({ ticketId }: { ticketId: string }) {
  const { data: detail } = useTicket(ticketId);
  const { data: me } = useMe();
  if (!detail) return <TicketNotFound />;
  // Keyed by ticket: a newly opened ticket starts with its dialogs closed and no leftover notice.
  return <OpenTicket key={detail.id} detail={detail} me={me} />;
}

function TicketNotFound() {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="ticket ticket--missing" aria-labelledby="ticket-missing-heading">
      <h2 id="ticket-missing-heading" ref={heading} tabIndex={-1} className="visually-hidden">
        {t('ticket.notFound.title')}
      </h2>
      <EmptyState title={t('ticket.notFound.title')}>
        <p>{t('ticket.notFound.body')}</p>
      </EmptyState>
    </section>
  );
}

/** Text fields take their own keys; the pane's single-letter shortcuts only apply elsewhere. */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color'].includes(target.type);
  }
  return false;
}

function OpenTicket({ detail, me }: { detail: TicketDetail; me: User }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const composer = useRef<ComposerHandle>(null);
  const [assignOpen, setAssignOpen] = useState(false);
  const [tagsOpen, setTagsOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const settings = useSettings();
  const members = useTeamMembers(detail.teamId);
  const update = useUpdateTicket(detail.id);
  const presence = usePresence(detail.id, me.id);
  useTicketEvents(detail.id);

  // A new ticket: the heading takes focus so keyboard and screen-reader users start at its top.
  useEffect(() => {
    heading.current?.focus();
  }, [detail.id]);

  const names = new Map<string, string>();
  for (const member of members.data ?? []) names.set(member.userId, member.name);
  for (const viewer of presence.others) names.set(viewer.userId, viewer.name);
  names.set(me.id, me.name);

  function blockResolve() {
    setNotice(t('ticket.outcomeRequired'));
    setTagsOpen(true);
  }

  function changeStatus(status: TicketStatus, snoozedUntil?: string) {
    if (status === 'resolved' && resolveBlock(detail.tags, settings.data?.requireOutcomeTag ?? false) !== 'ok') {
      blockResolve();
      return;
    }
    setNotice(null);
    update.mutate(
      { version: detail.version, status, ...(snoozedUntil ? { snoozedUntil } : {}) },
      {
        onSuccess: () => pushToast('success', t('ticket.updated')),
        onError: (error) => {
          if (isStaleVersion(error)) setNotice(t('ticket.conflict'));
          else if (isApiError(error) && error.status === 422 && hasMissingOutcome(error.details)) blockResolve();
          else if (isApiError(error)) setNotice(error.message);
        },
      },
    );
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTextField(event.target)) {
      if (event.key === 'Escape') heading.current?.focus();
      return;
    }
    const focusComposer = (mode: ComposerMode) => composer.current?.focus(mode);
    switch (event.key) {
      case 'r':
        focusComposer('reply');
        break;
      case 'n':
        focusComposer('note');
        break;
      case 'e':
        if (detail.status !== 'resolved' && detail.status !== 'closed') changeStatus('resolved');
        break;
      case 'a':
        setAssignOpen(true);
        break;
      case 't':
        setTagsOpen(true);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  return (
    // The pane's single-letter shortcuts are heard on the pane itself (listed in the header).
    <article className="ticket" aria-labelledby="ticket-heading" onKeyDown={onKeyDown}>
      <header className="ticket__header">
        <h2 id="ticket-heading" ref={heading} tabIndex={-1} className="ticket__title">
          {t('ticket.heading', { number: detail.number, subject: detail.subject })}
        </h2>
        <PresenceLine others={presence.others} />
        <p className="ticket__shortcuts muted">{t('ticket.shortcuts')}</p>
      </header>
      <div className="ticket__body">
        <div className="ticket__main">
          <Pane resetKey={detail.id}>
            <TicketThread detail={detail} names={names} me={me} />
          </Pane>
          <Composer
            key={detail.id}
            ref={composer}
            detail={detail}
            me={me}
            members={members.data ?? []}
            others={presence.others}
            names={names}
            onKeyTyped={presence.keyTyped}
            onStopTyping={presence.stopTyping}
          />
        </div>
        <aside className="ticket__side" aria-label={t('ticket.actions')}>
          <Pane resetKey={detail.id}>
            <SidePanel
              detail={detail}
              me={me}
              members={members.data ?? []}
              names={names}
              notice={notice}
              onDismissNotice={() => setNotice(null)}
              onChangeStatus={changeStatus}
              update={update}
              assignOpen={assignOpen}
              setAssignOpen={setAssignOpen}
              tagsOpen={tagsOpen}
              setTagsOpen={setTagsOpen}
              onConflict={() => setNotice(t('ticket.conflict'))}
            />
          </Pane>
        </aside>
      </div>
    </article>
  );
}

function hasMissingOutcome(details: unknown): boolean {
  return typeof details === 'object' && details !== null && 'missingTagKind' in details;
}
