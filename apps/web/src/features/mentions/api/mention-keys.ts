import type { MentionFilters } from '../mention-filters';

/** `spam`: the normal stream (`false`) or the Spam view (`true`). */
export type MentionListParams = MentionFilters & { spam: boolean };

export const mentionKeys = {
  all: ['mentions'] as const,
  lists: () => [...mentionKeys.all, 'list'] as const,
  list: (params: MentionListParams) => [...mentionKeys.lists(), params] as const,
  details: () => [...mentionKeys.all, 'detail'] as const,
  detail: (id: string) => [...mentionKeys.details(), id] as const,
};
