import { BULK_MAX, TICKET_STATUSES, type BulkTicketsRequest, type TicketStatus } from '@dengar/contracts';
import { useId, useState } from 'react';
import { useT } from '../../../i18n/i18n-provider';
import { pushToast } from '../../../lib/toast-store';
import { useBulkUpdateTickets } from '../api/bulk-update-tickets';
import type { QueueMember } from '../api/get-team-members';
import { useTags } from '../api/get-tags';

const UNASSIGN = 'none';

/** What "select all matching" would change, and how it is sent (filter, or the loaded ids). */
export interface MatchingScope {
  /** The button's text. */
  offer: string;
  /** Shown once chosen. */
  chosen: string;
  target: Pick<BulkTicketsRequest, 'ids' | 'filter'>;
}

/**
 * Assign, set status and add a tag to the checked tickets, or to every ticket matching the view and filters
 * (`POST /api/tickets/bulk` by `filter`, so tickets not loaded yet are included). One request, one result.
 */
export function BulkBar({
  checkedIds,
  allMatching,
  matching,
  canAssignOthers,
  me,
  members,
  onChooseAllMatching,
  onClear,
}: {
  checkedIds: readonly string[];
  allMatching: boolean;
  matching: MatchingScope;
  canAssignOthers: boolean;
  me: { id: string; name: string };
  members: readonly QueueMember[];
  onChooseAllMatching: () => void;
  onClear: () => void;
}) {
  const t = useT();
  const tags = useTags().data?.items ?? [];
  const bulk = useBulkUpdateTickets();
  const [assignee, setAssignee] = useState('');
  const [status, setStatus] = useState('');
  const [tagId, setTagId] = useState('');
  const chosen = assignee !== '' || status !== '' || tagId !== '';
  const id = useId();

  function apply() {
    const target: Pick<BulkTicketsRequest, 'ids' | 'filter'> = allMatching
      ? matching.target
      : { ids: checkedIds.slice(0, BULK_MAX) };
    const action: BulkTicketsRequest['action'] = {
      ...(assignee !== '' ? { assigneeId: assignee === UNASSIGN ? null : assignee } : {}),
      ...(status !== '' ? { status: status as TicketStatus } : {}),
      ...(tagId !== '' ? { addTagIds: [tagId] } : {}),
    };
    bulk.mutate(
      { ...target, action },
      {
        onSuccess: (result) => {
          pushToast('success', t('queue.bulk.done', { count: result.updated }));
          setAssignee('');
          setStatus('');
          setTagId('');
          onClear();
        },
      },
    );
  }

  const others = members.filter((member) => member.userId !== me.id);
  return (
    <section className="bulk-bar" aria-label={t('queue.bulk.actions')}>
      <div className="bulk-bar__scope">
        <p className="bulk-bar__count" role="status">
          {allMatching ? matching.chosen : t('queue.bulk.selected', { count: checkedIds.length })}
        </p>
        {!allMatching && (
          <button type="button" className="button button--small" onClick={onChooseAllMatching}>
            {matching.offer}
          </button>
        )}
        <button type="button" className="button button--small" onClick={onClear}>
          {t('queue.bulk.clear')}
        </button>
      </div>
      <form
        className="bulk-bar__actions"
        onSubmit={(event) => {
          event.preventDefault();
          if (chosen) apply();
        }}
      >
        <div className="bulk-bar__field">
          <label htmlFor={`${id}-assignee`}>{t('queue.bulk.assign')}</label>
          <select
            id={`${id}-assignee`}
            className="field__input"
            value={assignee}
            onChange={(e) => setAssignee(e.target.value)}
          >
            <option value="">{t('queue.bulk.choose')}</option>
            <option value={me.id}>{t('queue.bulk.me', { name: me.name })}</option>
            {canAssignOthers &&
              others.map((member) => (
                <option key={member.userId} value={member.userId}>
                  {member.openTickets === undefined
                    ? t('queue.bulk.memberNoCount', {
                        name: member.name,
                        availability: t(`availability.${member.availability}`),
                        capacity: member.capacity,
                      })
                    : t('queue.bulk.member', {
                        name: member.name,
                        availability: t(`availability.${member.availability}`),
                        open: member.openTickets,
                        capacity: member.capacity,
                      })}
                </option>
              ))}
            <option value={UNASSIGN}>{t('queue.bulk.unassign')}</option>
          </select>
        </div>
        <div className="bulk-bar__field">
          <label htmlFor={`${id}-status`}>{t('queue.bulk.status')}</label>
          <select
            id={`${id}-status`}
            className="field__input"
            value={status}
            onChange={(e) => setStatus(e.target.value)}
          >
            <option value="">{t('queue.bulk.choose')}</option>
            {TICKET_STATUSES.filter((s) => s !== 'new' && s !== 'snoozed').map((s) => (
              <option key={s} value={s}>
                {t(`queue.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="bulk-bar__field">
          <label htmlFor={`${id}-tag`}>{t('queue.bulk.tag')}</label>
          <select id={`${id}-tag`} className="field__input" value={tagId} onChange={(e) => setTagId(e.target.value)}>
            <option value="">{t('queue.bulk.choose')}</option>
            {tags.map((tag) => (
              <option key={tag.id} value={tag.id}>
                {tag.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--primary button--small" disabled={!chosen || bulk.isPending}>
          {bulk.isPending ? t('queue.bulk.applying') : t('queue.bulk.apply')}
        </button>
      </form>
    </section>
  );
}
