import { TeamPageSchema, type Page, type Team } from '@dengar/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { inboxKeys } from './inbox-keys';

/** The caller's teams (managers: every team), first 100: what the views and assignee names are built from. */
export function getTeams(signal?: AbortSignal): Promise<Page<Team>> {
  return apiRequest('/teams', TeamPageSchema, { query: { limit: 100 }, signal });
}

export function teamsQueryOptions() {
  return queryOptions({ queryKey: inboxKeys.teams(), queryFn: ({ signal }) => getTeams(signal), staleTime: 60_000 });
}

export function useTeams() {
  return useQuery(teamsQueryOptions());
}
