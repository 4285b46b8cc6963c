import { SourcePageSchema, type Page, type Source } from '@dengar/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { inboxKeys } from './inbox-keys';

/** Sources (first 100), for the source filter. */
export function getSources(signal?: AbortSignal): Promise<Page<Source>> {
  return apiRequest('/sources', SourcePageSchema, { query: { limit: 100 }, signal });
}

export function sourcesQueryOptions() {
  return queryOptions({
    queryKey: inboxKeys.sources(),
    queryFn: ({ signal }) => getSources(signal),
    staleTime: 60_000,
  });
}

export function useSources() {
  return useQuery(sourcesQueryOptions());
}
