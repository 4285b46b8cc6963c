import { TagSchema, type Tag, type UpdateTagRequest } from '@dengar/contracts';
import { apiRequest } from '../../../lib/api-client';
import { shownByForm } from '../../../lib/form-errors';
import { useSaveMutation } from '../../../lib/use-save-mutation';
import { tagKeys } from './tag-keys';

export function updateTag({ id, changes }: { id: string; changes: UpdateTagRequest }): Promise<Tag> {
  return apiRequest(`/tags/${encodeURIComponent(id)}`, TagSchema, {
    method: 'PATCH',
    body: changes,
    silent: shownByForm,
  });
}

export function useUpdateTag() {
  return useSaveMutation(updateTag, tagKeys);
}
