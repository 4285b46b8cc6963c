export const routingRuleKeys = {
  all: ['routing-rules'] as const,
  lists: () => [...routingRuleKeys.all, 'list'] as const,
  list: () => [...routingRuleKeys.lists(), {}] as const,
  details: () => [...routingRuleKeys.all, 'detail'] as const,
  detail: (id: string) => [...routingRuleKeys.details(), id] as const,
};
