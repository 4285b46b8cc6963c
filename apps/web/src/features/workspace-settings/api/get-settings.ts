import { SettingsSchema, type Settings } from '@dengar/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { settingsKeys } from './settings-keys';

export function getSettings(signal?: AbortSignal): Promise<Settings> {
  return apiRequest('/settings', SettingsSchema, { signal });
}

export function settingsQueryOptions() {
  return queryOptions({ queryKey: settingsKeys.detail(), queryFn: ({ signal }) => getSettings(signal) });
}

export function useSettings() {
  return useSuspenseQuery(settingsQueryOptions());
}
