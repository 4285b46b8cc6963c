import type { LocaleMessages } from './locale-messages';

/** Strings owned by the Insights page (keys start with `insightsPage.`). English first; Indonesian typed against it. */
export const insightsPageEn = {} as const;

export const insightsPageId: LocaleMessages<typeof insightsPageEn> = {};
