import { MentionPageSchema, type Mention, type Page } from '@dengar/contracts';
import { infiniteQueryOptions, useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { mentionKeys, type MentionListParams } from './mention-keys';

export const MENTIONS_PAGE_SIZE = 25;

/** Newest first (by when they were posted), one keyset page at a time. */
export function getMentions(
  { spam, cursor, ...filters }: MentionListParams & { cursor?: string | null },
  signal?: AbortSignal,
): Promise<Page<Mention>> {
  return apiRequest('/mentions', MentionPageSchema, {
    query: { ...filters, spam: spam ? 'true' : 'false', limit: MENTIONS_PAGE_SIZE, cursor },
    signal,
  });
}

export function mentionsQueryOptions(params: MentionListParams) {
  return infiniteQueryOptions({
    queryKey: mentionKeys.list(params),
    queryFn: ({ pageParam, signal }) => getMentions({ ...params, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function useMentions(params: MentionListParams) {
  return useSuspenseInfiniteQuery(mentionsQueryOptions(params));
}
