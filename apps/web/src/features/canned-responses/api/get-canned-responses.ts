import { CannedResponsePageSchema, type CannedResponse, type Page } from '@dengar/contracts';
import { infiniteQueryOptions, useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { cannedResponseKeys } from './canned-response-keys';

export const CANNED_PAGE_SIZE = 50;

export function getCannedResponses(
  { cursor }: { cursor?: string | null },
  signal?: AbortSignal,
): Promise<Page<CannedResponse>> {
  return apiRequest('/canned-responses', CannedResponsePageSchema, {
    query: { limit: CANNED_PAGE_SIZE, cursor },
    signal,
  });
}

export function cannedResponsesQueryOptions() {
  return infiniteQueryOptions({
    queryKey: cannedResponseKeys.list(),
    queryFn: ({ pageParam, signal }) => getCannedResponses({ cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function useCannedResponses() {
  return useSuspenseInfiniteQuery(cannedResponsesQueryOptions());
}
