import { TeamMemberPageSchema, type Page, type TeamMember } from '@dengar/contracts';
import { infiniteQueryOptions, useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { teamKeys } from './team-keys';

export const MEMBERS_PAGE_SIZE = 100;

export function getTeamMembers(
  { teamId, cursor }: { teamId: string; cursor?: string | null },
  signal?: AbortSignal,
): Promise<Page<TeamMember>> {
  return apiRequest(`/teams/${encodeURIComponent(teamId)}/members`, TeamMemberPageSchema, {
    query: { limit: MEMBERS_PAGE_SIZE, cursor },
    signal,
  });
}

export function teamMembersQueryOptions(teamId: string) {
  return infiniteQueryOptions({
    queryKey: teamKeys.members(teamId),
    queryFn: ({ pageParam, signal }) => getTeamMembers({ teamId, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function useTeamMembers(teamId: string) {
  return useSuspenseInfiniteQuery(teamMembersQueryOptions(teamId));
}
