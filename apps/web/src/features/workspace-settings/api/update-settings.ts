import { SettingsSchema, type Settings, type UpdateSettingsRequest } from '@dengar/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { shownByForm } from '../../../lib/form-errors';
import { settingsKeys } from './settings-keys';

export function updateSettings(changes: UpdateSettingsRequest): Promise<Settings> {
  return apiRequest('/settings', SettingsSchema, { method: 'PATCH', body: changes, silent: shownByForm });
}

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSettings,
    onSuccess: (saved) => queryClient.setQueryData(settingsKeys.detail(), saved),
  });
}
