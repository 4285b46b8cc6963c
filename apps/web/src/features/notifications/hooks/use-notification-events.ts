import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { realtime } from '../../../lib/socket';
import type { NotificationPage } from '../api/get-notifications';
import { notificationKeys } from '../api/notification-keys';
import { addNotification } from '../notification-cache';

/** `notification.created` (live, or replayed after a reconnect) updates the bell's list and count in place. */
export function useNotificationEvents() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      realtime.on('notification.created', ({ data }) => {
        const key = notificationKeys.latest();
        if (queryClient.getQueryData<NotificationPage>(key)) {
          queryClient.setQueryData<NotificationPage>(key, (page) => (page ? addNotification(page, data) : page));
        } else {
          void queryClient.invalidateQueries({ queryKey: key });
        }
      }),
    [queryClient],
  );
}
