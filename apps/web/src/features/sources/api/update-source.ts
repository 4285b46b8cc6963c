import { SourceSchema, type Source, type UpdateSourceRequest } from '@dengar/contracts';
import { apiRequest } from '../../../lib/api-client';
import { shownByForm } from '../../../lib/form-errors';
import { useSaveMutation } from '../../../lib/use-save-mutation';
import { sourceKeys } from './source-keys';

export function updateSource({ id, changes }: { id: string; changes: UpdateSourceRequest }): Promise<Source> {
  return apiRequest(`/sources/${encodeURIComponent(id)}`, SourceSchema, {
    method: 'PATCH',
    body: changes,
    silent: shownByForm,
  });
}

export function useUpdateSource() {
  return useSaveMutation(updateSource, sourceKeys);
}
