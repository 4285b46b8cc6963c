import { RoutingRuleSchema, type RoutingRule, type UpdateRoutingRuleRequest } from '@dengar/contracts';
import { apiRequest } from '../../../lib/api-client';
import { shownByForm } from '../../../lib/form-errors';
import { useSaveMutation } from '../../../lib/use-save-mutation';
import { routingRuleKeys } from './routing-rule-keys';

export function updateRoutingRule({
  id,
  changes,
}: {
  id: string;
  changes: UpdateRoutingRuleRequest;
}): Promise<RoutingRule> {
  return apiRequest(`/routing-rules/${encodeURIComponent(id)}`, RoutingRuleSchema, {
    method: 'PATCH',
    body: changes,
    silent: shownByForm,
  });
}

export function useUpdateRoutingRule() {
  return useSaveMutation(updateRoutingRule, routingRuleKeys);
}
