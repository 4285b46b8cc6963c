import type { MeResponse } from '@dengar/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { authKeys } from './auth-keys';

/**
 * This browser no longer has a session: `me` becomes null (the frame then shows sign-in) and every other
 * cached answer is dropped so the next person cannot see it. `me` is set, never removed: a removed query
 * would leave mounted observers watching a detached query that nobody updates.
 */
export function forgetSession(queryClient: QueryClient): void {
  queryClient.setQueryData<MeResponse | null>(authKeys.me(), null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
}
