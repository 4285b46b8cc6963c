import type { LocaleMessages } from './locale-messages';

/** Strings owned by the open ticket (thread, actions, composer, presence) (keys start with `ticket.`). English first; Indonesian typed against it. */
export const ticketEn = {} as const;

export const ticketId: LocaleMessages<typeof ticketEn> = {};
