import { BulkTicketsResultSchema, type BulkTicketsRequest, type BulkTicketsResult } from '@dengar/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { inboxKeys } from './inbox-keys';

/** `POST /api/tickets/bulk`: by ids, or by filter (every ticket the caller sees that matches it). */
export function bulkUpdateTickets(body: BulkTicketsRequest): Promise<BulkTicketsResult> {
  return apiRequest('/tickets/bulk', BulkTicketsResultSchema, { method: 'POST', body });
}

export function useBulkUpdateTickets() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bulkUpdateTickets,
    // Each changed ticket also arrives as `ticket.updated`; refetching makes sure a large batch is reflected.
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: inboxKeys.all })]),
  });
}
