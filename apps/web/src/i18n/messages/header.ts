import type { LocaleMessages } from './locale-messages';

/** Strings owned by the app header (availability, notifications, connection) (keys start with `header.`). English first; Indonesian typed against it. */
export const headerEn = {} as const;

export const headerId: LocaleMessages<typeof headerEn> = {};
