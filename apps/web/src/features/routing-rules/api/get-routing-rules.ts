import { RoutingRuleListSchema, type RoutingRuleList } from '@dengar/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { routingRuleKeys } from './routing-rule-keys';

/** Every rule in evaluation order (rules are few: the API answers them all at once). */
export function getRoutingRules(signal?: AbortSignal): Promise<RoutingRuleList> {
  return apiRequest('/routing-rules', RoutingRuleListSchema, { signal });
}

export function routingRulesQueryOptions() {
  return queryOptions({
    queryKey: routingRuleKeys.list(),
    queryFn: ({ signal }) => getRoutingRules(signal),
  });
}

export function useRoutingRules() {
  return useSuspenseQuery(routingRulesQueryOptions());
}
