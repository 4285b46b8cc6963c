import { ThreadPageSchema, type Page, type ThreadItem } from '@dengar/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { ticketKeys } from './ticket-keys';

export const THREAD_PAGE_SIZE = 50;

/** Thread items older than `cursor`, newest first. */
export function getThread(
  { ticketId, cursor }: { ticketId: string; cursor: string },
  signal?: AbortSignal,
): Promise<Page<ThreadItem>> {
  return apiRequest(`/tickets/${encodeURIComponent(ticketId)}/thread`, ThreadPageSchema, {
    query: { cursor, limit: THREAD_PAGE_SIZE },
    signal,
  });
}

/**
 * Paging back from the detail's `threadCursor`. Nothing is fetched until the person asks for earlier items
 * (`enabled`), and the first page starts at the cursor the detail handed out.
 */
export function threadQueryOptions(ticketId: string, startCursor: string | null, enabled: boolean) {
  return infiniteQueryOptions({
    queryKey: [...ticketKeys.thread(ticketId), startCursor] as const,
    queryFn: ({ pageParam, signal }) => getThread({ ticketId, cursor: pageParam }, signal),
    initialPageParam: startCursor ?? '',
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    enabled: enabled && startCursor !== null,
    staleTime: Infinity,
  });
}

export function useEarlierThread(ticketId: string, startCursor: string | null, enabled: boolean) {
  return useInfiniteQuery(threadQueryOptions(ticketId, startCursor, enabled));
}
