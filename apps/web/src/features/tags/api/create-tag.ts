import { TagSchema, type CreateTagRequest, type Tag } from '@dengar/contracts';
import { apiRequest } from '../../../lib/api-client';
import { shownByForm } from '../../../lib/form-errors';
import { useSaveMutation } from '../../../lib/use-save-mutation';
import { tagKeys } from './tag-keys';

export function createTag(body: CreateTagRequest): Promise<Tag> {
  return apiRequest('/tags', TagSchema, { method: 'POST', body, silent: shownByForm });
}

export function useCreateTag() {
  return useSaveMutation(createTag, tagKeys);
}
