import { TicketSchema, type Ticket, type TicketDetail } from '@dengar/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { withTicket } from '../ticket-cache';
import { ticketKeys } from './ticket-keys';

export function setTicketTags({ ticketId, tagIds }: { ticketId: string; tagIds: string[] }): Promise<Ticket> {
  return apiRequest(`/tickets/${encodeURIComponent(ticketId)}/tags`, TicketSchema, {
    method: 'PUT',
    body: { tagIds },
  });
}

/** Replaces the ticket's tag set; the answer becomes the cached ticket. */
export function useSetTicketTags(ticketId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tagIds: string[]) => setTicketTags({ ticketId, tagIds }),
    onSuccess: (ticket) => {
      queryClient.setQueryData<TicketDetail | null>(ticketKeys.detail(ticketId), (old) => withTicket(old, ticket));
      return queryClient.invalidateQueries({ queryKey: ticketKeys.detail(ticketId), exact: true });
    },
  });
}
