import { TagPageSchema, type Page, type Tag } from '@dengar/contracts';
import { infiniteQueryOptions, useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { tagKeys } from './tag-keys';

export const TAGS_PAGE_SIZE = 100;

export function getTags({ cursor }: { cursor?: string | null }, signal?: AbortSignal): Promise<Page<Tag>> {
  return apiRequest('/tags', TagPageSchema, { query: { limit: TAGS_PAGE_SIZE, cursor }, signal });
}

export function tagsQueryOptions() {
  return infiniteQueryOptions({
    queryKey: tagKeys.list(),
    queryFn: ({ pageParam, signal }) => getTags({ cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function useTags() {
  return useSuspenseInfiniteQuery(tagsQueryOptions());
}
