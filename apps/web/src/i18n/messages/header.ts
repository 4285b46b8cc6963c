import type { LocaleMessages } from './locale-messages';

/** Strings owned by the app header (availability, notifications, connection) (keys start with `header.`). English first; Indonesian typed against it. */
export const headerEn = {
  'header.availability.label': 'Availability',
  'header.availability.failed': 'Your availability could not be changed.',
  'header.notifications.button': 'Notifications, {count} unread',
  'header.notifications.title': 'Notifications',
  'header.notifications.markAllRead': 'Mark all as read',
  'header.notifications.empty': 'No notifications yet.',
  'header.notifications.loadFailed': 'Notifications could not be loaded.',
  'header.notifications.retry': 'Try again',
  'header.notifications.unread': 'New',
  'header.notifications.kind.assigned': 'Assigned to you',
  'header.notifications.kind.mentioned': 'You were mentioned',
  'header.notifications.kind.slaBreached': 'Response target missed',
  'header.connection.lost': 'Connection lost. Reconnecting…',
  'header.connection.lostHint': 'Changes made meanwhile will appear when it is back.',
} as const;

export const headerId: LocaleMessages<typeof headerEn> = {
  'header.availability.label': 'Ketersediaan',
  'header.availability.failed': 'Ketersediaan Anda tidak dapat diubah.',
  'header.notifications.button': 'Notifikasi, {count} belum dibaca',
  'header.notifications.title': 'Notifikasi',
  'header.notifications.markAllRead': 'Tandai semua sudah dibaca',
  'header.notifications.empty': 'Belum ada notifikasi.',
  'header.notifications.loadFailed': 'Notifikasi tidak dapat dimuat.',
  'header.notifications.retry': 'Coba lagi',
  'header.notifications.unread': 'Baru',
  'header.notifications.kind.assigned': 'Ditugaskan kepada Anda',
  'header.notifications.kind.mentioned': 'Anda disebut',
  'header.notifications.kind.slaBreached': 'Target respons terlewat',
  'header.connection.lost': 'Koneksi terputus. Menyambung ulang…',
  'header.connection.lostHint': 'Perubahan selama terputus akan muncul saat koneksi kembali.',
} as const;
