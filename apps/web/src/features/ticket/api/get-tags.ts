import { TagPageSchema, type Page, type Tag } from '@dengar/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { ticketKeys } from './ticket-keys';

/** Every tag of the workspace (outcome, topic, campaign), following cursors. */
export async function getAllTags(signal?: AbortSignal): Promise<Tag[]> {
  const tags: Tag[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<Tag> = await apiRequest('/tags', TagPageSchema, { query: { limit: 100, cursor }, signal });
    tags.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && tags.length < 2000);
  return tags;
}

export function tagsQueryOptions() {
  return queryOptions({ queryKey: ticketKeys.tags(), queryFn: ({ signal }) => getAllTags(signal), staleTime: 60_000 });
}

export function useTags() {
  return useQuery(tagsQueryOptions());
}
