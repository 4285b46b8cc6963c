import { TeamMemberSchema, pageOf, type Page } from '@dengar/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { ticketKeys } from './ticket-keys';

/** A team member with their open tickets when the API reports it (`openTickets`, added for the picker). */
export const AssignableMemberSchema = TeamMemberSchema.extend({ openTickets: z.number().int().optional() });
export type AssignableMember = z.infer<typeof AssignableMemberSchema>;
const MemberPageSchema = pageOf(AssignableMemberSchema);

export async function getTeamMembers(teamId: string, signal?: AbortSignal): Promise<AssignableMember[]> {
  const members: AssignableMember[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<AssignableMember> = await apiRequest(
      `/teams/${encodeURIComponent(teamId)}/members`,
      MemberPageSchema,
      {
        query: { limit: 100, cursor },
        signal,
      },
    );
    members.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && members.length < 1000);
  return members;
}

export function teamMembersQueryOptions(teamId: string) {
  return queryOptions({
    queryKey: ticketKeys.members(teamId),
    queryFn: ({ signal }) => getTeamMembers(teamId, signal),
    staleTime: 30_000,
  });
}

/** The people of the ticket's team: the assign picker, the `@` picker and names in the timeline. */
export function useTeamMembers(teamId: string) {
  return useQuery(teamMembersQueryOptions(teamId));
}
