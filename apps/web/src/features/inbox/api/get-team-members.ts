import { TeamMemberSchema, pageOf } from '@dengar/contracts';
import { queryOptions, useQueries } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { inboxKeys } from './inbox-keys';

/** `openTickets` is read when the API sends it (older servers do not). */
const MemberSchema = TeamMemberSchema.extend({ openTickets: z.number().int().optional() });
const MemberPageSchema = pageOf(MemberSchema);
export type QueueMember = z.infer<typeof MemberSchema>;

export function getTeamMembers(teamId: string, signal?: AbortSignal) {
  return apiRequest(`/teams/${encodeURIComponent(teamId)}/members`, MemberPageSchema, {
    query: { limit: 100 },
    signal,
  });
}

export function teamMembersQueryOptions(teamId: string) {
  return queryOptions({
    queryKey: inboxKeys.members(teamId),
    queryFn: ({ signal }) => getTeamMembers(teamId, signal),
    staleTime: 30_000,
  });
}

/** The members of these teams, each person once (for assignee names and the assign picker). */
export function useMembersOf(teamIds: readonly string[]): QueueMember[] {
  return useQueries({
    queries: teamIds.map((id) => teamMembersQueryOptions(id)),
    combine: (results) => {
      const byUser = new Map<string, QueueMember>();
      for (const result of results) {
        for (const member of result.data?.items ?? [])
          if (!byUser.has(member.userId)) byUser.set(member.userId, member);
      }
      return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name));
    },
  });
}
