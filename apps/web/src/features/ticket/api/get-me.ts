import { MeResponseSchema, type User } from '@dengar/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { ticketKeys } from './ticket-keys';

/** Who is looking at the ticket (for "assign to me" and to leave oneself out of presence). */
export async function getMe(signal?: AbortSignal): Promise<User> {
  const me = await apiRequest('/auth/me', MeResponseSchema, { signal });
  return me.user;
}

export function useMe() {
  return useSuspenseQuery(
    queryOptions({ queryKey: ticketKeys.me(), queryFn: ({ signal }) => getMe(signal), staleTime: 5 * 60_000 }),
  );
}
