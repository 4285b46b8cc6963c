import { WorkloadSchema, type Workload } from '@dengar/contracts';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { workloadKeys } from './workload-keys';

export function getWorkload(teamId: string | null, signal?: AbortSignal): Promise<Workload> {
  return apiRequest('/workload', WorkloadSchema, { query: { teamId }, signal });
}

export function workloadQueryOptions(teamId: string | null = null) {
  return queryOptions({
    queryKey: workloadKeys.detail(teamId),
    queryFn: ({ signal }) => getWorkload(teamId, signal),
  });
}

export function useWorkload(teamId: string | null = null) {
  return useSuspenseQuery(workloadQueryOptions(teamId));
}
