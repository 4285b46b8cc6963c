import type { LocaleMessages } from './locale-messages';

/** Strings owned by the care settings (routing rules, SLA, tags, canned responses, workload) (keys start with `care.`). English first; Indonesian typed against it. */
export const careSettingsEn = {} as const;

export const careSettingsId: LocaleMessages<typeof careSettingsEn> = {};
