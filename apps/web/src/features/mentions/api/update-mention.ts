import { MentionSchema, type Mention, type UpdateMentionRequest } from '@dengar/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { mentionKeys } from './mention-keys';

/** Mark a mention as spam, or restore one (restoring threads it into a ticket). */
export function updateMention({ id, changes }: { id: string; changes: UpdateMentionRequest }): Promise<Mention> {
  return apiRequest(`/mentions/${encodeURIComponent(id)}`, MentionSchema, { method: 'PATCH', body: changes });
}

export function useUpdateMention() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMention,
    onSuccess: (saved) => {
      queryClient.setQueryData(mentionKeys.detail(saved.id), saved);
      // It moves between the stream and the Spam view.
      return queryClient.invalidateQueries({ queryKey: mentionKeys.lists() });
    },
  });
}
