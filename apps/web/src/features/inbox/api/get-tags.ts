import { TagPageSchema, type Page, type Tag } from '@dengar/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { inboxKeys } from './inbox-keys';

/** The workspace's tags (first 100), for the tag filter and the bulk "add tag". */
export function getTags(signal?: AbortSignal): Promise<Page<Tag>> {
  return apiRequest('/tags', TagPageSchema, { query: { limit: 100 }, signal });
}

export function tagsQueryOptions() {
  return queryOptions({ queryKey: inboxKeys.tags(), queryFn: ({ signal }) => getTags(signal), staleTime: 60_000 });
}

export function useTags() {
  return useQuery(tagsQueryOptions());
}
