import type { RoutingRuleList } from '@dengar/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { withRuleEnabled, type SetRuleEnabledInput } from '../rule-draft';
import { routingRuleKeys } from './routing-rule-keys';
import { updateRoutingRule } from './update-routing-rule';

/** The enabled switch in the list: it flips at once, and flips back if the save fails. */
export function useSetRuleEnabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, enabled }: SetRuleEnabledInput) => updateRoutingRule({ id, changes: { enabled } }),
    onMutate: async (input) => {
      await queryClient.cancelQueries({ queryKey: routingRuleKeys.list() });
      const previous = queryClient.getQueryData<RoutingRuleList>(routingRuleKeys.list());
      if (previous) queryClient.setQueryData(routingRuleKeys.list(), withRuleEnabled(previous, input));
      return { previous };
    },
    onError: (_error, _input, context) => {
      if (context?.previous) queryClient.setQueryData(routingRuleKeys.list(), context.previous);
    },
    onSuccess: (saved) => queryClient.setQueryData(routingRuleKeys.detail(saved.id), saved),
    onSettled: () => queryClient.invalidateQueries({ queryKey: routingRuleKeys.lists() }),
  });
}
