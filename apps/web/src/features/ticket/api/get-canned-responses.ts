import { CannedResponsePageSchema, type CannedResponse, type Page } from '@dengar/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { ticketKeys } from './ticket-keys';

/** The saved replies of every language (the picker filters them as the person types). */
export async function getCannedResponses(signal?: AbortSignal): Promise<CannedResponse[]> {
  const items: CannedResponse[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<CannedResponse> = await apiRequest('/canned-responses', CannedResponsePageSchema, {
      query: { limit: 100, cursor },
      signal,
    });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && items.length < 1000);
  return items;
}

export function cannedResponsesQueryOptions() {
  return queryOptions({
    queryKey: ticketKeys.canned(),
    queryFn: ({ signal }) => getCannedResponses(signal),
    staleTime: 60_000,
  });
}

export function useCannedResponses(enabled: boolean) {
  return useQuery({ ...cannedResponsesQueryOptions(), enabled });
}
