import { RoutingRuleListSchema, type RoutingRuleList } from '@dengar/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { routingRuleKeys } from './routing-rule-keys';

/** `ids`: every rule's id, in the new order; answered with the rules in that order. */
export function reorderRoutingRules(ids: string[]): Promise<RoutingRuleList> {
  return apiRequest('/routing-rules/order', RoutingRuleListSchema, { method: 'PUT', body: { ids } });
}

export function useReorderRoutingRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reorderRoutingRules,
    onSuccess: (list) => {
      queryClient.setQueryData(routingRuleKeys.list(), list);
    },
    // Someone else may have added or removed a rule meanwhile (a 400/409): show what is there now.
    onError: () => queryClient.invalidateQueries({ queryKey: routingRuleKeys.lists() }),
  });
}
