import { CannedResponseSchema, type CannedResponse, type UpdateCannedResponseRequest } from '@dengar/contracts';
import { apiRequest } from '../../../lib/api-client';
import { shownByForm } from '../../../lib/form-errors';
import { useSaveMutation } from '../../../lib/use-save-mutation';
import { cannedResponseKeys } from './canned-response-keys';

export function updateCannedResponse({
  id,
  changes,
}: {
  id: string;
  changes: UpdateCannedResponseRequest;
}): Promise<CannedResponse> {
  return apiRequest(`/canned-responses/${encodeURIComponent(id)}`, CannedResponseSchema, {
    method: 'PATCH',
    body: changes,
    silent: shownByForm,
  });
}

export function useUpdateCannedResponse() {
  return useSaveMutation(updateCannedResponse, cannedResponseKeys);
}
