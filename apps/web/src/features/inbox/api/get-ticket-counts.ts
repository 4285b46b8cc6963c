import { TicketCountsSchema, type TicketCounts } from '@dengar/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { inboxKeys } from './inbox-keys';

/** Active tickets per view (`GET /api/tickets/counts`); refetched on ticket events by use-queue-events. */
export function getTicketCounts(signal?: AbortSignal): Promise<TicketCounts> {
  return apiRequest('/tickets/counts', TicketCountsSchema, { signal });
}

export function ticketCountsQueryOptions() {
  return queryOptions({ queryKey: inboxKeys.counts(), queryFn: ({ signal }) => getTicketCounts(signal) });
}

export function useTicketCounts() {
  return useQuery(ticketCountsQueryOptions());
}
