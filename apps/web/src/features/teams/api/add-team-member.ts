import { TeamMemberSchema, type TeamMember } from '@dengar/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { teamKeys } from './team-keys';

export function addTeamMember({ teamId, userId }: { teamId: string; userId: string }): Promise<TeamMember> {
  return apiRequest(`/teams/${encodeURIComponent(teamId)}/members`, TeamMemberSchema, {
    method: 'POST',
    body: { userId },
  });
}

export function useAddTeamMember({ onSuccess }: { onSuccess?: (member: TeamMember) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addTeamMember,
    onSuccess: async (member) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: teamKeys.members(member.teamId) }),
        // memberCount on the team and in the list
        queryClient.invalidateQueries({ queryKey: teamKeys.detail(member.teamId), exact: true }),
        queryClient.invalidateQueries({ queryKey: teamKeys.lists() }),
      ]);
      onSuccess?.(member);
    },
  });
}
