export const workloadKeys = {
  all: ['workload'] as const,
  detail: (teamId: string | null) => [...workloadKeys.all, { teamId }] as const,
};
