import { TicketDetailSchema, type TicketDetail } from '@dengar/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { apiRequest, isApiError } from '../../../lib/api-client';
import { ticketKeys } from './ticket-keys';

/** The open ticket with its latest thread, events, author card and SLA; null when the caller may not see it. */
export async function getTicket(id: string, signal?: AbortSignal): Promise<TicketDetail | null> {
  try {
    return await apiRequest(`/tickets/${encodeURIComponent(id)}`, TicketDetailSchema, { signal });
  } catch (error) {
    // A ticket of another team answers 404 like one that does not exist: an answer, not a failure.
    if (isApiError(error) && (error.status === 404 || error.status === 400)) return null;
    throw error;
  }
}

export function ticketQueryOptions(id: string) {
  return queryOptions({
    queryKey: ticketKeys.detail(id),
    queryFn: ({ signal }) => getTicket(id, signal),
  });
}

export function useTicket(id: string) {
  return useSuspenseQuery(ticketQueryOptions(id));
}
