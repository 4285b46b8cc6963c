import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { brandKeys } from './brand-keys';

export function deleteBrand(id: string): Promise<void> {
  // The confirmation dialog shows why a delete failed.
  return apiRequest(`/brands/${encodeURIComponent(id)}`, null, { method: 'DELETE', silent: true });
}

export function useDeleteBrand() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteBrand,
    onSuccess: (_void, id) => {
      queryClient.removeQueries({ queryKey: brandKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: brandKeys.lists() });
    },
  });
}
