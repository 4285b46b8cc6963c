import { RoutingRuleSchema, type CreateRoutingRuleRequest, type RoutingRule } from '@dengar/contracts';
import { apiRequest } from '../../../lib/api-client';
import { shownByForm } from '../../../lib/form-errors';
import { useSaveMutation } from '../../../lib/use-save-mutation';
import { routingRuleKeys } from './routing-rule-keys';

export function createRoutingRule(body: CreateRoutingRuleRequest): Promise<RoutingRule> {
  return apiRequest('/routing-rules', RoutingRuleSchema, { method: 'POST', body, silent: shownByForm });
}

export function useCreateRoutingRule() {
  return useSaveMutation(createRoutingRule, routingRuleKeys);
}
