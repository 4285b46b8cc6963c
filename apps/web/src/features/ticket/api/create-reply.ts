import { CreateReplyResultSchema, type CreateReplyResult, type TicketDetail } from '@dengar/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { withReply } from '../ticket-cache';
import { ticketKeys } from './ticket-keys';

export function createReply({ ticketId, body }: { ticketId: string; body: string }): Promise<CreateReplyResult> {
  return apiRequest(`/tickets/${encodeURIComponent(ticketId)}/replies`, CreateReplyResultSchema, {
    method: 'POST',
    body: { body },
  });
}

/** Queues a reply in the outbox; the reply joins the cached thread, and its delivery arrives by socket. */
export function useCreateReply(ticketId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => createReply({ ticketId, body }),
    onSuccess: (result) => {
      const { warning: _warning, ...reply } = result;
      queryClient.setQueryData<TicketDetail | null>(ticketKeys.detail(ticketId), (old) => withReply(old, reply));
      return queryClient.invalidateQueries({ queryKey: ticketKeys.detail(ticketId), exact: true });
    },
  });
}
