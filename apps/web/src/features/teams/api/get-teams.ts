import { TeamPageSchema, type Page, type Team } from '@dengar/contracts';
import { infiniteQueryOptions, useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { teamKeys } from './team-keys';

export const TEAMS_PAGE_SIZE = 50;

export function getTeams({ cursor }: { cursor?: string | null }, signal?: AbortSignal): Promise<Page<Team>> {
  return apiRequest('/teams', TeamPageSchema, { query: { limit: TEAMS_PAGE_SIZE, cursor }, signal });
}

export function teamsQueryOptions() {
  return infiniteQueryOptions({
    queryKey: teamKeys.list(),
    queryFn: ({ pageParam, signal }) => getTeams({ cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function useTeams() {
  return useSuspenseInfiniteQuery(teamsQueryOptions());
}
