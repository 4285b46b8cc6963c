import type { Ticket } from '@dengar/contracts';
import { useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { Page } from '@dengar/contracts';
import { useEffect, useEffectEvent } from 'react';
import { realtime } from '../../../lib/socket';
import { inboxKeys } from '../api/inbox-keys';
import type { QueueListParams } from '../queue-filters';
import { applyTicketChange, flattenPages, type CacheChange, type Viewer } from '../ticket-matching';

/** Counts are refetched at most this often during a burst of events (a webhook batch, a bulk change). */
const COUNTS_THROTTLE_MS = 500;

export interface Arrival {
  ticket: Ticket;
  change: Extract<CacheChange, 'inserted' | 'moved'>;
  /** The current list's rows after the change. */
  rows: Ticket[];
}

/**
 * Sockets notify, react-query owns the data: `ticket.created` / `ticket.updated` carry the full ticket, which is
 * put into (or taken out of) every cached queue list according to whether it still matches that list's view and
 * filters. The current list reports rows that arrive or move, so it can hold them back while scrolled down.
 * Without a viewer yet (teams still loading) lists are refetched instead.
 */
export function useQueueEvents({
  viewer,
  current,
  onArrival,
}: {
  viewer: Viewer | null;
  current: QueueListParams;
  onArrival: (arrival: Arrival) => void;
}) {
  const queryClient = useQueryClient();

  const handleTicket = useEffectEvent((ticket: Ticket) => {
    if (!viewer) {
      void queryClient.invalidateQueries({ queryKey: inboxKeys.lists() });
      return;
    }
    const currentKey = JSON.stringify(inboxKeys.list(current));
    for (const query of queryClient.getQueryCache().findAll({ queryKey: inboxKeys.lists() })) {
      const data = query.state.data as InfiniteData<Page<Ticket>, string | null> | undefined;
      if (!data) continue;
      const params = query.queryKey[2] as QueueListParams;
      const { data: next, change } = applyTicketChange(data, ticket, params, viewer);
      if (change === 'none') continue;
      queryClient.setQueryData(query.queryKey, next);
      if ((change === 'inserted' || change === 'moved') && JSON.stringify(query.queryKey) === currentKey) {
        onArrival({ ticket, change, rows: flattenPages(next.pages) });
      }
    }
  });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refetchCounts = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        void queryClient.invalidateQueries({ queryKey: inboxKeys.counts() });
      }, COUNTS_THROTTLE_MS);
    };
    const offs = [
      realtime.on('ticket.created', (envelope) => {
        handleTicket(envelope.data.ticket);
        refetchCounts();
      }),
      realtime.on('ticket.updated', (envelope) => {
        handleTicket(envelope.data.ticket);
        refetchCounts();
      }),
      realtime.on('ticket.assigned', refetchCounts),
    ];
    return () => {
      for (const off of offs) off();
      if (timer) clearTimeout(timer);
    };
  }, [queryClient]);
}
