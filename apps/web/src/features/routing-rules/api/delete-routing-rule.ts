import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { routingRuleKeys } from './routing-rule-keys';

export function deleteRoutingRule(id: string): Promise<void> {
  // The confirmation dialog shows why a delete failed.
  return apiRequest(`/routing-rules/${encodeURIComponent(id)}`, null, { method: 'DELETE', silent: true });
}

export function useDeleteRoutingRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteRoutingRule,
    onSuccess: (_void, id) => {
      queryClient.removeQueries({ queryKey: routingRuleKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: routingRuleKeys.lists() });
    },
  });
}
