import type { TicketCounts, User } from '@dengar/contracts';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { NavLink } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { Pane } from '../../../components/error-boundary';
import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/i18n-provider';
import { useMembersOf } from '../api/get-team-members';
import { useTeams } from '../api/get-teams';
import { useTicketCounts } from '../api/get-ticket-counts';
import { useSavedFilters } from '../hooks/use-saved-filters';
import { inboxViewsFor, type InboxView } from '../inbox-views';
import type { Viewer } from '../ticket-matching';
import { QueueFiltersForm } from './queue-filters-form';
import { ShortcutsDialog } from './shortcuts-dialog';
import { TicketList } from './ticket-list';
import './inbox.css';

/** At most this many teams' members are fetched to name assignees (a manager may see many teams). */
const MEMBER_TEAMS_MAX = 20;

/**
 * The live inbox in three panes: views and filters, the queue of the chosen view, and the open ticket.
 * Filters are saved per person in this browser (localStorage keyed by user id).
 */
export function InboxPage({
  view,
  ticketId,
  user,
  ticketPane,
}: {
  view: InboxView;
  ticketId: string | null;
  user: User;
  /** The open ticket's pane (another feature's), rendered by the route when a ticket is open. */
  ticketPane: ReactNode;
}) {
  const t = useT();
  const views = inboxViewsFor(user.role);
  const manager = user.role === 'admin' || user.role === 'manager';
  const [filters, setFilters] = useSavedFilters(user.id);
  const [helpOpen, setHelpOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const counts = useTicketCounts().data;
  const teams = useTeams();
  const teamIds = useMemo(() => (teams.data?.items ?? []).map((team) => team.id), [teams.data]);
  const members = useMembersOf(teamIds.slice(0, MEMBER_TEAMS_MAX));
  const viewer = useMemo<Viewer | null>(() => {
    if (manager) return { userId: user.id, manager: true, teamIds: new Set(teamIds) };
    // An agent's views depend on their teams: until those are known, live changes refetch instead.
    return teams.data ? { userId: user.id, manager: false, teamIds: new Set(teamIds) } : null;
  }, [manager, user.id, teamIds, teams.data]);

  return (
    <div className="inbox inbox--panes">
      <div className="inbox__side">
        <nav className="inbox__views" aria-label={t('inbox.views')}>
          <p className="inbox__views-title" aria-hidden="true">
            {t('inbox.title')}
          </p>
          <ul>
            {views.map((name) => (
              <li key={name} className="inbox__view">
                <NavLink to={paths.inboxView(name)} className="view-link" aria-describedby={`view-count-${name}`}>
                  {t(`inbox.view.${name}`)}
                </NavLink>
                <ViewCount id={`view-count-${name}`} counts={counts} view={name} />
              </li>
            ))}
          </ul>
        </nav>
        <QueueFiltersForm key={user.id} filters={filters} onChange={setFilters} searchRef={searchRef} />
        <button type="button" className="button button--small inbox__help" onClick={() => setHelpOpen(true)}>
          <kbd aria-hidden="true">?</kbd> {t('queue.shortcuts.button')}
        </button>
      </div>
      <section className="inbox__queue" aria-labelledby="queue-heading">
        <h1 id="queue-heading" className="page-title">
          {t(`inbox.view.${view}`)}
        </h1>
        <Pane resetKey={`${view}:${JSON.stringify(filters)}`} loadingLabel={t('queue.loading')}>
          <TicketList
            key={`${view}:${JSON.stringify(filters)}`}
            view={view}
            filters={filters}
            viewer={viewer}
            me={{ id: user.id, name: user.name }}
            canAssignOthers={manager}
            members={members}
            counts={counts}
            openTicketId={ticketId}
            onSearchShortcut={() => {
              searchRef.current?.focus();
              searchRef.current?.select();
            }}
            onHelpShortcut={() => setHelpOpen(true)}
          />
        </Pane>
      </section>
      <section className="inbox__ticket" aria-label={t('queue.open.section')}>
        {ticketId ? (
          <Pane resetKey={ticketId}>{ticketPane}</Pane>
        ) : (
          <EmptyState title={t('queue.open.none')}>
            <p>{t('queue.open.hint')}</p>
          </EmptyState>
        )}
      </section>
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}

function ViewCount({ id, counts, view }: { id: string; counts: TicketCounts | undefined; view: InboxView }) {
  const t = useT();
  const count = counts?.[view];
  if (count === undefined) return <span id={id} hidden />;
  return (
    <span id={id} className="view-count">
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{t('queue.viewCount', { count })}</span>
    </span>
  );
}
