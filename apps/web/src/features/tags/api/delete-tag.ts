import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { tagKeys } from './tag-keys';

export function deleteTag(id: string): Promise<void> {
  // The confirmation dialog shows why a delete failed.
  return apiRequest(`/tags/${encodeURIComponent(id)}`, null, { method: 'DELETE', silent: true });
}

export function useDeleteTag() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteTag,
    onSuccess: (_void, id) => {
      queryClient.removeQueries({ queryKey: tagKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: tagKeys.lists() });
    },
  });
}
