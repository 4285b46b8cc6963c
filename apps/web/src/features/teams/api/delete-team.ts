import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { teamKeys } from './team-keys';

export function deleteTeam(id: string): Promise<void> {
  return apiRequest(`/teams/${encodeURIComponent(id)}`, null, { method: 'DELETE' });
}

export function useDeleteTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteTeam,
    // The detail page that asked is still mounted here; it navigates away, and the cached detail ages out.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamKeys.lists() }),
  });
}
