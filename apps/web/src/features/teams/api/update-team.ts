import { TeamSchema, type Team, type UpdateTeamRequest } from '@dengar/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type ApiError } from '../../../lib/api-client';
import { teamKeys } from './team-keys';

export function updateTeam({ id, changes }: { id: string; changes: UpdateTeamRequest }): Promise<Team> {
  return apiRequest(`/teams/${encodeURIComponent(id)}`, TeamSchema, {
    method: 'PATCH',
    body: changes,
    silent: (error: ApiError) => error.hasFieldErrors || error.status === 409,
  });
}

export function useUpdateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateTeam,
    onSuccess: (team) => {
      queryClient.setQueryData(teamKeys.detail(team.id), team);
      return queryClient.invalidateQueries({ queryKey: teamKeys.lists() });
    },
  });
}
