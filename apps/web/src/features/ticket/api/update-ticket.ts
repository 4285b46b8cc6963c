import { TicketSchema, type Ticket, type TicketDetail, type UpdateTicketRequest } from '@dengar/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, isApiError, type ApiError } from '../../../lib/api-client';
import { withTicket } from '../ticket-cache';
import { ticketKeys } from './ticket-keys';

/** A stale version (409) and a broken rule (422: e.g. an outcome tag is missing) are shown by the pane itself. */
const shownByPane = (error: ApiError) => error.status === 409 || error.status === 422;

export function updateTicket({ id, changes }: { id: string; changes: UpdateTicketRequest }): Promise<Ticket> {
  return apiRequest(`/tickets/${encodeURIComponent(id)}`, TicketSchema, {
    method: 'PATCH',
    body: changes,
    silent: shownByPane,
  });
}

export const isStaleVersion = (error: unknown) => isApiError(error) && error.status === 409;

/** Status, priority, assignee, team, snooze: the answer becomes the cached ticket; a 409 refetches it. */
export function useUpdateTicket(ticketId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: UpdateTicketRequest) => updateTicket({ id: ticketId, changes }),
    onSuccess: (ticket) => {
      queryClient.setQueryData<TicketDetail | null>(ticketKeys.detail(ticketId), (old) => withTicket(old, ticket));
      // The timeline gained events only the detail carries.
      return queryClient.invalidateQueries({ queryKey: ticketKeys.detail(ticketId), exact: true });
    },
    onError: (error) => {
      if (isStaleVersion(error)) {
        return queryClient.invalidateQueries({ queryKey: ticketKeys.detail(ticketId), exact: true });
      }
      return undefined;
    },
  });
}
