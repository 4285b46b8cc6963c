import { SettingsSchema } from '@dengar/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { ticketKeys } from './ticket-keys';

export function settingsQueryOptions() {
  return queryOptions({
    queryKey: ticketKeys.settings(),
    queryFn: ({ signal }) => apiRequest('/settings', SettingsSchema, { signal }),
    staleTime: 60_000,
  });
}

/** The workspace settings the pane obeys (whether resolving needs an outcome tag). */
export function useSettings() {
  return useQuery(settingsQueryOptions());
}
