import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sourceKeys } from './source-keys';

/** A source with mentions answers 409 ("disable it instead"); the confirmation dialog shows it. */
export function deleteSource(id: string): Promise<void> {
  return apiRequest(`/sources/${encodeURIComponent(id)}`, null, { method: 'DELETE', silent: true });
}

export function useDeleteSource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSource,
    onSuccess: (_void, id) => {
      queryClient.removeQueries({ queryKey: sourceKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: sourceKeys.lists() });
    },
  });
}
