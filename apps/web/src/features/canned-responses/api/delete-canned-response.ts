import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { cannedResponseKeys } from './canned-response-keys';

export function deleteCannedResponse(id: string): Promise<void> {
  // The confirmation dialog shows why a delete failed.
  return apiRequest(`/canned-responses/${encodeURIComponent(id)}`, null, { method: 'DELETE', silent: true });
}

export function useDeleteCannedResponse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteCannedResponse,
    onSuccess: (_void, id) => {
      queryClient.removeQueries({ queryKey: cannedResponseKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: cannedResponseKeys.lists() });
    },
  });
}
