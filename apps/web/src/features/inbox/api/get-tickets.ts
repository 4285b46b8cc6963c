import { TicketPageSchema, type Page, type Ticket } from '@dengar/contracts';
import {
  infiniteQueryOptions,
  useInfiniteQuery,
  type InfiniteData,
  type UseInfiniteQueryResult,
} from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { listQuery, type QueueListParams } from '../queue-filters';
import { inboxKeys } from './inbox-keys';

export const QUEUE_PAGE_SIZE = 100;

/** One keyset page of the queue (`GET /api/tickets`). */
export function getTickets(
  params: QueueListParams & { cursor?: string | null },
  signal?: AbortSignal,
): Promise<Page<Ticket>> {
  return apiRequest('/tickets', TicketPageSchema, {
    query: { ...listQuery(params), limit: QUEUE_PAGE_SIZE, cursor: params.cursor },
    signal,
  });
}

export function ticketsQueryOptions(params: QueueListParams) {
  return infiniteQueryOptions({
    queryKey: inboxKeys.list(params),
    queryFn: ({ pageParam, signal }) => getTickets({ ...params, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    // Kept current by socket events (use-queue-events); a refetch would only reset the scroll.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useTickets(params: QueueListParams) {
  return useInfiniteQuery(ticketsQueryOptions(params));
}

/** The list's query once its first page is in. */
export type TicketsQuery = UseInfiniteQueryResult<InfiniteData<Page<Ticket>>> & { isSuccess: true };
