import { BULK_MAX, type Ticket, type TicketCounts } from '@dengar/contracts';
import { useCallback, useEffect, useEffectEvent, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { Loading } from '../../../components/loading';
import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/i18n-provider';
import { useTickets, type TicketsQuery } from '../api/get-tickets';
import type { QueueMember } from '../api/get-team-members';
import { NOTHING_HELD, noteArrival, pruneHeld, visibleRows } from '../held-back';
import { useNow } from '../hooks/use-now';
import { useQueueEvents, type Arrival } from '../hooks/use-queue-events';
import type { InboxView } from '../inbox-views';
import { bulkFilter, hasActiveFilters, serverFilters, type QueueFilters, type QueueListParams } from '../queue-filters';
import { listShortcut, moveSelection } from '../shortcuts';
import { flattenPages, matchesLocalFilters, type Viewer } from '../ticket-matching';
import { nearEnd, scrollToReveal, virtualWindow } from '../virtual-window';
import { BulkBar, type MatchingScope } from './bulk-bar';
import { TicketRow } from './ticket-row';

/** Fixed row height (px): the virtual list's maths depends on it; the CSS sets the same. */
export const ROW_HEIGHT = 96;
const OVERSCAN = 6;
/** Fetch the next page when the rendered window is this close to the last loaded row. */
const PREFETCH_ROWS = 30;

export interface QueueListProps {
  view: InboxView;
  filters: QueueFilters;
  viewer: Viewer | null;
  me: { id: string; name: string };
  canAssignOthers: boolean;
  members: readonly QueueMember[];
  counts: TicketCounts | undefined;
  openTicketId: string | null;
  onSearchShortcut: () => void;
  onHelpShortcut: () => void;
}

/**
 * The queue of one view: a virtualised list of keyset pages (only the rows in view are in the DOM), kept live by
 * socket events, with keyboard movement, bulk selection, and rows arriving above the fold held back.
 */
export function TicketList(props: QueueListProps) {
  const { view, filters } = props;
  const t = useT();
  const params = useMemo<QueueListParams>(() => ({ view, ...serverFilters(filters) }), [view, filters]);
  // Not suspense: React holds a revealed Suspense boundary back for up to 300 ms, and the first page of the
  // inbox is the one thing that should paint the moment its data is in.
  const query = useTickets(params);
  if (query.isPending) return <Loading label={t('queue.loading')} />;
  if (query.isError) throw query.error;
  return <LoadedTicketList {...props} params={params} query={query} />;
}

function LoadedTicketList(props: QueueListProps & { params: QueueListParams; query: TicketsQuery }) {
  const { view, filters, viewer, me, members, counts, openTicketId, params, query } = props;
  const t = useT();
  const navigate = useNavigate();
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const now = useNow(1000);

  const typeFilter = filters.type;
  const rows = useMemo(
    () => flattenPages(query.data.pages).filter((ticket) => matchesLocalFilters(ticket, { type: typeFilter })),
    [query.data.pages, typeFilter],
  );
  const rowIds = useMemo(() => new Set(rows.map((row) => row.id)), [rows]);
  const [held, setHeld] = useState<ReadonlySet<string>>(NOTHING_HELD);
  const heldNow = useMemo(() => pruneHeld(held, rowIds), [held, rowIds]);
  const shown = useMemo(() => visibleRows(rows, heldNow), [rows, heldNow]);

  // Scrolling and the window of rendered rows.
  const scrollerRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(600);
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    setViewportHeight(scroller.clientHeight);
    const observer = new ResizeObserver(() => setViewportHeight(scroller.clientHeight));
    observer.observe(scroller);
    return () => observer.disconnect();
  }, []);
  const win = virtualWindow({
    scrollTop,
    viewportHeight,
    rowHeight: ROW_HEIGHT,
    count: shown.length,
    overscan: OVERSCAN,
  });
  const atTop = scrollTop < ROW_HEIGHT / 2;
  const positionRef = useRef({ atTop, firstVisibleIndex: win.firstVisible });
  useLayoutEffect(() => {
    positionRef.current = { atTop, firstVisibleIndex: win.firstVisible };
  }, [atTop, win.firstVisible]);

  // Keep the row under the cursor in place when rows above it change (removed, moved away).
  const anchorRef = useRef<{ id: string; index: number } | null>(null);
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    const anchor = anchorRef.current;
    if (scroller && anchor && scroller.scrollTop >= ROW_HEIGHT / 2) {
      const index = shown.findIndex((row) => row.id === anchor.id);
      if (index >= 0 && index !== anchor.index) {
        scroller.scrollTop += (index - anchor.index) * ROW_HEIGHT;
        setScrollTop(scroller.scrollTop);
      }
    }
    const first = Math.floor((scroller?.scrollTop ?? 0) / ROW_HEIGHT);
    const row = shown[first];
    anchorRef.current = row ? { id: row.id, index: first } : null;
  }, [shown]);

  const onScroll = () => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    setScrollTop(scroller.scrollTop);
    const first = Math.floor(scroller.scrollTop / ROW_HEIGHT);
    const row = shown[first];
    anchorRef.current = row ? { id: row.id, index: first } : null;
    // Back at the top: whatever was held back simply appears.
    if (scroller.scrollTop < ROW_HEIGHT / 2 && held.size > 0) setHeld(NOTHING_HELD);
  };

  const heldRef = useRef(held);
  useLayoutEffect(() => {
    heldRef.current = held;
  }, [held]);
  const onArrival = useCallback(
    ({ ticket, rows: after }: Arrival) => {
      if (!matchesLocalFilters(ticket, { type: typeFilter })) return;
      const position = positionRef.current;
      const index = visibleRows(
        after.filter((row) => matchesLocalFilters(row, { type: typeFilter })),
        heldRef.current,
      ).findIndex((row) => row.id === ticket.id);
      if (index < 0) return;
      setHeld((current) => noteArrival(current, { id: ticket.id, index }, position));
    },
    [typeFilter],
  );
  useQueueEvents({ viewer, current: params, onArrival });

  function showHeld() {
    setHeld(NOTHING_HELD);
    const scroller = scrollerRef.current;
    if (scroller) scroller.scrollTop = 0;
    setScrollTop(0);
  }

  // Infinite scroll through keyset pages.
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && nearEnd(win, shown.length, PREFETCH_ROWS)) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, win, shown.length]);

  // The keyboard cursor: follows the open ticket, moved by j/k, kept in view.
  const [selectedId, setSelectedId] = useState<string | null>(openTicketId);
  const [followedOpenId, setFollowedOpenId] = useState<string | null>(openTicketId);
  if (followedOpenId !== openTicketId) {
    setFollowedOpenId(openTicketId);
    if (openTicketId !== null) setSelectedId(openTicketId);
  }
  const focusPending = useRef(false);
  /** Scrolls so row `index` is in view; returns the new scroll position, or null when it already was. */
  const scrollToRow = useCallback((index: number): number | null => {
    const scroller = scrollerRef.current;
    if (!scroller || index < 0) return null;
    const next = scrollToReveal(index, scroller.scrollTop, scroller.clientHeight, ROW_HEIGHT);
    if (next !== null) scroller.scrollTop = next;
    return next;
  }, []);
  const openIndex = openTicketId === null ? -1 : shown.findIndex((row) => row.id === openTicketId);
  const openIndexRef = useRef(openIndex);
  useLayoutEffect(() => {
    openIndexRef.current = openIndex;
  }, [openIndex]);
  useEffect(() => {
    // Only when the open ticket changes: a live update must not pull the list back to it.
    scrollToRow(openIndexRef.current);
  }, [openTicketId, scrollToRow]);
  useEffect(() => {
    if (!focusPending.current || selectedId === null) return;
    focusPending.current = false;
    const link = scrollerRef.current?.querySelector<HTMLAnchorElement>(
      `[data-ticket-id="${CSS.escape(selectedId)}"] .queue-row__link`,
    );
    link?.focus({ preventScroll: true });
  });

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented) return;
    const target = event.target instanceof HTMLElement ? event.target : null;
    if (target?.closest('dialog')) return;
    const shortcut = listShortcut({
      key: event.key,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      altKey: event.altKey,
      targetTag: target?.tagName ?? null,
      targetEditable: target?.isContentEditable ?? false,
    });
    if (shortcut === null) return;
    event.preventDefault();
    switch (shortcut) {
      case 'next':
      case 'previous': {
        const index = moveSelection(
          shown.findIndex((row) => row.id === selectedId),
          shown.length,
          shortcut,
        );
        const row = shown[index];
        if (!row) return;
        focusPending.current = true;
        setSelectedId(row.id);
        const next = scrollToRow(index);
        // Render the row's window now, so it can take focus right after.
        if (next !== null) setScrollTop(next);
        return;
      }
      case 'open':
        if (selectedId !== null && rowIds.has(selectedId)) void navigate(paths.inboxTicket(view, selectedId));
        return;
      case 'search':
        props.onSearchShortcut();
        return;
      case 'help':
        props.onHelpShortcut();
        return;
    }
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  // Bulk selection.
  const [checked, setChecked] = useState<ReadonlySet<string>>(() => new Set());
  const [allMatching, setAllMatching] = useState(false);
  const onToggle = useCallback((id: string, on: boolean) => {
    setAllMatching(false);
    setChecked((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const allShownChecked = shown.length > 0 && shown.every((row) => checked.has(row.id));
  const clearSelection = useCallback(() => {
    setChecked(new Set());
    setAllMatching(false);
  }, []);
  const matching = matchingScope({ t, params, filters, shown, hasNextPage, counts, view });

  const assigneeName = useCallback(
    (ticket: Ticket) => {
      if (ticket.assigneeId === null) return t('queue.row.unassigned');
      if (ticket.assigneeId === me.id) return me.name;
      return members.find((member) => member.userId === ticket.assigneeId)?.name ?? t('queue.row.someone');
    },
    [members, me, t],
  );

  const empty = shown.length === 0 && heldNow.size === 0;
  const tabbableId =
    selectedId !== null && shown.slice(win.start, win.end).some((row) => row.id === selectedId)
      ? selectedId
      : (shown[win.firstVisible]?.id ?? null);

  return (
    <div className="queue">
      <div className="queue__toolbar">
        <label className="queue__select-all">
          <input
            type="checkbox"
            checked={allShownChecked}
            disabled={shown.length === 0}
            onChange={(event) => {
              setAllMatching(false);
              setChecked(event.target.checked ? new Set(shown.map((row) => row.id)) : new Set());
            }}
          />
          <span>{t('queue.bulk.selectShown')}</span>
        </label>
        <span className="queue__loaded muted">{t('queue.shown', { count: shown.length })}</span>
      </div>
      {(checked.size > 0 || allMatching) && (
        <BulkBar
          checkedIds={[...checked]}
          allMatching={allMatching}
          matching={matching}
          canAssignOthers={props.canAssignOthers}
          me={me}
          members={members}
          onChooseAllMatching={() => setAllMatching(true)}
          onClear={clearSelection}
        />
      )}
      <div className="queue__announce" aria-live="polite">
        {heldNow.size > 0 && (
          <button type="button" className="button button--small queue__new" onClick={showHeld}>
            {t('queue.newAbove', { count: heldNow.size })}
          </button>
        )}
      </div>
      <div className="queue__scroller" ref={scrollerRef} onScroll={onScroll}>
        {empty ? (
          hasActiveFilters(filters) ? (
            <EmptyState title={t('queue.emptyFiltered')} />
          ) : (
            <EmptyState title={t('inbox.empty.title')}>
              <p>{t(`inbox.empty.${view}`)}</p>
            </EmptyState>
          )
        ) : (
          <ul className="queue__rows" aria-label={t('queue.list')} style={{ height: win.totalHeight }}>
            {shown.slice(win.start, win.end).map((ticket, offset) => {
              const index = win.start + offset;
              return (
                <TicketRow
                  key={ticket.id}
                  ticket={ticket}
                  view={view}
                  index={index}
                  total={shown.length}
                  top={index * ROW_HEIGHT}
                  now={now}
                  selected={ticket.id === selectedId}
                  current={ticket.id === openTicketId}
                  tabbable={ticket.id === tabbableId}
                  checked={allMatching || checked.has(ticket.id)}
                  assigneeName={assigneeName(ticket)}
                  onToggle={onToggle}
                  onSelect={setSelectedId}
                />
              );
            })}
          </ul>
        )}
        {isFetchingNextPage && <p className="queue__more muted">{t('queue.loadingMore')}</p>}
      </div>
    </div>
  );
}

function matchingScope({
  t,
  params,
  filters,
  shown,
  hasNextPage,
  counts,
  view,
}: {
  t: ReturnType<typeof useT>;
  params: QueueListParams;
  filters: QueueFilters;
  shown: readonly Ticket[];
  hasNextPage: boolean;
  counts: TicketCounts | undefined;
  view: InboxView;
}): MatchingScope {
  // Type is filtered in the browser: the server cannot select by it, so only the loaded rows are sent.
  if (filters.type) {
    return {
      offer: t('queue.bulk.selectAllFiltered', { count: shown.length }),
      chosen: t('queue.bulk.allLoadedOnly', { count: shown.length }),
      target: { ids: shown.slice(0, BULK_MAX).map((row) => row.id) },
    };
  }
  const filter = { filter: bulkFilter(params) };
  const viewCount = counts?.[view];
  if (!hasActiveFilters(filters) && viewCount !== undefined) {
    return {
      offer: t('queue.bulk.selectAllView', { count: viewCount }),
      chosen: t('queue.bulk.allView', { count: viewCount }),
      target: filter,
    };
  }
  if (!hasNextPage) {
    return {
      offer: t('queue.bulk.selectAllFiltered', { count: shown.length }),
      chosen: t('queue.bulk.allFilteredCount', { count: shown.length }),
      target: filter,
    };
  }
  return {
    offer: t('queue.bulk.selectAllFilteredMore', { count: shown.length }),
    chosen: t('queue.bulk.allFiltered'),
    target: filter,
  };
}
