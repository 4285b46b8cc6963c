import { WebhookSecretSchema } from '@dengar/contracts';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';

export type WebhookSecret = z.infer<typeof WebhookSecretSchema>;

/** A new `whsec_…` secret, shown once; the previous one keeps verifying for a day (the API's grace period). */
export function rotateWebhookSecret(id: string): Promise<WebhookSecret> {
  return apiRequest(`/sources/${encodeURIComponent(id)}/rotate-secret`, WebhookSecretSchema, {
    method: 'POST',
    silent: true,
  });
}

export function useRotateWebhookSecret() {
  return useMutation({ mutationFn: rotateWebhookSecret });
}
