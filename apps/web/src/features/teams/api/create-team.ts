import { TeamSchema, type CreateTeamRequest, type Team } from '@dengar/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type ApiError } from '../../../lib/api-client';
import { teamKeys } from './team-keys';

export function createTeam(body: CreateTeamRequest): Promise<Team> {
  return apiRequest('/teams', TeamSchema, {
    method: 'POST',
    body,
    silent: (error: ApiError) => error.hasFieldErrors || error.status === 409,
  });
}

export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTeam,
    onSuccess: (team) => {
      queryClient.setQueryData(teamKeys.detail(team.id), team);
      return queryClient.invalidateQueries({ queryKey: teamKeys.lists() });
    },
  });
}
