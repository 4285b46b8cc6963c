import { MarkNotificationsReadResultSchema } from '@dengar/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { markRead } from '../notification-cache';
import type { NotificationPage } from './get-notifications';
import { notificationKeys } from './notification-keys';

export type MarkReadResult = z.infer<typeof MarkNotificationsReadResultSchema>;

/** `POST /api/notifications/read`: these ids, or every one of the user's when `ids` is absent. */
export function markNotificationsRead(ids?: string[]): Promise<MarkReadResult> {
  return apiRequest('/notifications/read', MarkNotificationsReadResultSchema, {
    method: 'POST',
    body: ids ? { ids } : {},
  });
}

export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => markNotificationsRead(ids),
    onSuccess: (result, ids) => {
      queryClient.setQueryData<NotificationPage>(notificationKeys.latest(), (page) =>
        page ? markRead(page, ids, new Date().toISOString(), result.unread) : page,
      );
    },
  });
}
