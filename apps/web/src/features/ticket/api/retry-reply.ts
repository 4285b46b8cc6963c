import { ReplySchema, type Reply, type TicketDetail } from '@dengar/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { withReply } from '../ticket-cache';
import { ticketKeys } from './ticket-keys';

export function retryReply({ ticketId, replyId }: { ticketId: string; replyId: string }): Promise<Reply> {
  return apiRequest(
    `/tickets/${encodeURIComponent(ticketId)}/replies/${encodeURIComponent(replyId)}/retry`,
    ReplySchema,
    { method: 'POST' },
  );
}

/** A failed reply back into the outbox with the same idempotency key. */
export function useRetryReply(ticketId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (replyId: string) => retryReply({ ticketId, replyId }),
    onSuccess: (reply) => {
      queryClient.setQueryData<TicketDetail | null>(ticketKeys.detail(ticketId), (old) => withReply(old, reply));
    },
  });
}
