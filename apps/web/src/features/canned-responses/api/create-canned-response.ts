import { CannedResponseSchema, type CannedResponse, type CreateCannedResponseRequest } from '@dengar/contracts';
import { apiRequest } from '../../../lib/api-client';
import { shownByForm } from '../../../lib/form-errors';
import { useSaveMutation } from '../../../lib/use-save-mutation';
import { cannedResponseKeys } from './canned-response-keys';

export function createCannedResponse(body: CreateCannedResponseRequest): Promise<CannedResponse> {
  return apiRequest('/canned-responses', CannedResponseSchema, { method: 'POST', body, silent: shownByForm });
}

export function useCreateCannedResponse() {
  return useSaveMutation(createCannedResponse, cannedResponseKeys);
}
