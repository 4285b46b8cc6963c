import { RoutingDryRunResultSchema, type RoutingConditions, type RoutingDryRunResult } from '@dengar/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

/** How many of the latest mentions the draft conditions would match: nothing is saved. */
export function dryRunRoutingRule({
  conditions,
  limit,
}: {
  conditions: RoutingConditions;
  limit: number;
}): Promise<RoutingDryRunResult> {
  return apiRequest('/routing-rules/dry-run', RoutingDryRunResultSchema, {
    method: 'POST',
    body: { conditions, limit },
    silent: (error) => error.hasFieldErrors,
  });
}

export function useDryRunRoutingRule() {
  return useMutation({ mutationFn: dryRunRoutingRule });
}
