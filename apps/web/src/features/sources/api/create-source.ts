import { CreatedSourceSchema, type CreateSourceRequest } from '@dengar/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { shownByForm } from '../../../lib/form-errors';
import { sourceKeys } from './source-keys';

/** The new source, with a webhook source's `webhookSecret`: this answer is the only one that holds it. */
export type CreatedSource = z.infer<typeof CreatedSourceSchema>;

export function createSource(body: CreateSourceRequest): Promise<CreatedSource> {
  return apiRequest('/sources', CreatedSourceSchema, { method: 'POST', body, silent: shownByForm });
}

export function useCreateSource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSource,
    onSuccess: ({ webhookSecret: _secret, ...source }) => {
      // The secret goes to the dialog that shows it once, never into the cache.
      queryClient.setQueryData(sourceKeys.detail(source.id), source);
      return queryClient.invalidateQueries({ queryKey: sourceKeys.lists() });
    },
  });
}
