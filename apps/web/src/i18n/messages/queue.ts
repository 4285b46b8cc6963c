import type { LocaleMessages } from './locale-messages';

/** Strings owned by the inbox queue (views, filters, list, bulk, shortcuts) (keys start with `queue.`). English first; Indonesian typed against it. */
export const queueEn = {} as const;

export const queueId: LocaleMessages<typeof queueEn> = {};
