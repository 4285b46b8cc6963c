export const notificationKeys = {
  all: ['notifications'] as const,
  lists: () => [...notificationKeys.all, 'list'] as const,
  /** The bell's list: the newest page, with the unread count. */
  latest: () => [...notificationKeys.lists(), 'latest'] as const,
};
