import { TeamSchema, type Team } from '@dengar/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { teamKeys } from './team-keys';

export function getTeam(id: string, signal?: AbortSignal): Promise<Team> {
  return apiRequest(`/teams/${encodeURIComponent(id)}`, TeamSchema, { signal });
}

export function teamQueryOptions(id: string) {
  return queryOptions({
    queryKey: teamKeys.detail(id),
    queryFn: ({ signal }) => getTeam(id, signal),
  });
}

export function useTeam(id: string) {
  return useSuspenseQuery(teamQueryOptions(id));
}
