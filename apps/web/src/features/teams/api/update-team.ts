import { TeamSchema, type Team, type UpdateTeamRequest } from '@dengar/contracts';
import { apiRequest } from '../../../lib/api-client';
import { shownByForm } from '../../../lib/form-errors';
import { useSaveMutation } from '../../../lib/use-save-mutation';
import { teamKeys } from './team-keys';

export function updateTeam({ id, changes }: { id: string; changes: UpdateTeamRequest }): Promise<Team> {
  return apiRequest(`/teams/${encodeURIComponent(id)}`, TeamSchema, {
    method: 'PATCH',
    body: changes,
    silent: shownByForm,
  });
}

export function useUpdateTeam() {
  return useSaveMutation(updateTeam, teamKeys);
}
