import { NotificationPageSchema } from '@dengar/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { notificationKeys } from './notification-keys';

export type NotificationPage = z.infer<typeof NotificationPageSchema>;

/** How many of the newest notifications the bell lists. */
export const BELL_PAGE_SIZE = 20;

export function getNotifications(signal?: AbortSignal): Promise<NotificationPage> {
  return apiRequest('/notifications', NotificationPageSchema, { query: { limit: BELL_PAGE_SIZE }, signal });
}

export function latestNotificationsQueryOptions() {
  return queryOptions({
    queryKey: notificationKeys.latest(),
    queryFn: ({ signal }) => getNotifications(signal),
  });
}

/** Not suspending: the header must render while (or even if) this loads. */
export function useLatestNotifications() {
  return useQuery(latestNotificationsQueryOptions());
}
