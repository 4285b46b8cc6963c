import { SourcePageSchema, type Page, type Source } from '@dengar/contracts';
import { infiniteQueryOptions, useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sourceKeys } from './source-keys';

export const SOURCES_PAGE_SIZE = 50;
/** Health figures and poll times move on their own; a settings page left open stays roughly current. */
const HEALTH_REFRESH_MS = 30_000;

export function getSources(
  { cursor, limit = SOURCES_PAGE_SIZE }: { cursor?: string | null; limit?: number },
  signal?: AbortSignal,
): Promise<Page<Source>> {
  return apiRequest('/sources', SourcePageSchema, { query: { limit, cursor }, signal });
}

export function sourcesQueryOptions(limit: number = SOURCES_PAGE_SIZE) {
  return infiniteQueryOptions({
    queryKey: sourceKeys.list(limit),
    queryFn: ({ pageParam, signal }) => getSources({ cursor: pageParam, limit }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** The list; `live` (the settings page) refetches on opening and now and then, for its health figures. */
export function useSources({ limit, live = false }: { limit?: number; live?: boolean } = {}) {
  return useSuspenseInfiniteQuery({
    ...sourcesQueryOptions(limit),
    ...(live ? { staleTime: 0, refetchInterval: HEALTH_REFRESH_MS } : {}),
  });
}
