export const cannedResponseKeys = {
  all: ['canned-responses'] as const,
  lists: () => [...cannedResponseKeys.all, 'list'] as const,
  list: () => [...cannedResponseKeys.lists(), {}] as const,
  details: () => [...cannedResponseKeys.all, 'detail'] as const,
  detail: (id: string) => [...cannedResponseKeys.details(), id] as const,
};
