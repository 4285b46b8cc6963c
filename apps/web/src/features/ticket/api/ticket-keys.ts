/** Query keys of the open ticket and what its pane reads alongside it. */
export const ticketKeys = {
  all: ['ticket'] as const,
  details: () => [...ticketKeys.all, 'detail'] as const,
  detail: (id: string) => [...ticketKeys.details(), id] as const,
  thread: (id: string) => [...ticketKeys.detail(id), 'thread'] as const,
  me: () => [...ticketKeys.all, 'me'] as const,
  teams: () => [...ticketKeys.all, 'teams'] as const,
  tags: () => [...ticketKeys.all, 'tags'] as const,
  canned: () => [...ticketKeys.all, 'canned-responses'] as const,
  settings: () => [...ticketKeys.all, 'settings'] as const,
  members: (teamId: string) => [...ticketKeys.all, 'team-members', teamId] as const,
};
