import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { teamKeys } from './team-keys';

export interface RemoveTeamMemberInput {
  teamId: string;
  userId: string;
}

export function removeTeamMember({ teamId, userId }: RemoveTeamMemberInput): Promise<void> {
  return apiRequest(`/teams/${encodeURIComponent(teamId)}/members/${encodeURIComponent(userId)}`, null, {
    method: 'DELETE',
  });
}

export function useRemoveTeamMember({ onSuccess }: { onSuccess?: (input: RemoveTeamMemberInput) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeTeamMember,
    onSuccess: async (_void, input) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: teamKeys.members(input.teamId) }),
        queryClient.invalidateQueries({ queryKey: teamKeys.detail(input.teamId), exact: true }),
        queryClient.invalidateQueries({ queryKey: teamKeys.lists() }),
      ]);
      onSuccess?.(input);
    },
  });
}
