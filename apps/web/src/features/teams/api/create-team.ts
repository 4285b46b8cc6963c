import { TeamSchema, type CreateTeamRequest, type Team } from '@dengar/contracts';
import { apiRequest } from '../../../lib/api-client';
import { shownByForm } from '../../../lib/form-errors';
import { useSaveMutation } from '../../../lib/use-save-mutation';
import { teamKeys } from './team-keys';

export function createTeam(body: CreateTeamRequest): Promise<Team> {
  return apiRequest('/teams', TeamSchema, { method: 'POST', body, silent: shownByForm });
}

export function useCreateTeam() {
  return useSaveMutation(createTeam, teamKeys);
}
