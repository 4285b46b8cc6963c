import { PollAcceptedSchema } from '@dengar/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { sourceKeys } from './source-keys';

export type PollAccepted = z.infer<typeof PollAcceptedSchema>;

/** "Poll now": 202, and a worker runs the poll within a couple of seconds. */
export function pollSource(id: string): Promise<PollAccepted> {
  return apiRequest(`/sources/${encodeURIComponent(id)}/poll`, PollAcceptedSchema, { method: 'POST' });
}

export function usePollSource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: pollSource,
    // The next poll time changes at once; the outcome arrives as `source.updated` or with the next refresh.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sourceKeys.lists() }),
  });
}
