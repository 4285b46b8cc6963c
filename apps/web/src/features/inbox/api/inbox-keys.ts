import type { QueueListParams } from '../queue-filters';

/** Query keys of the inbox queue and of the lookups it shows names from. */
export const inboxKeys = {
  all: ['inbox'] as const,
  lists: () => [...inboxKeys.all, 'list'] as const,
  list: (params: QueueListParams) => [...inboxKeys.lists(), params] as const,
  counts: () => [...inboxKeys.all, 'counts'] as const,
  teams: () => [...inboxKeys.all, 'teams'] as const,
  members: (teamId: string) => [...inboxKeys.all, 'members', teamId] as const,
  tags: () => [...inboxKeys.all, 'tags'] as const,
  brands: () => [...inboxKeys.all, 'brands'] as const,
  sources: () => [...inboxKeys.all, 'sources'] as const,
};
