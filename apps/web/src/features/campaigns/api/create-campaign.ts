import { CampaignSchema, type Campaign, type CreateCampaignRequest } from '@dengar/contracts';
import { apiRequest } from '../../../lib/api-client';
import { shownByForm } from '../../../lib/form-errors';
import { useSaveMutation } from '../../../lib/use-save-mutation';
import { campaignKeys } from './campaign-keys';

export function createCampaign(body: CreateCampaignRequest): Promise<Campaign> {
  return apiRequest('/campaigns', CampaignSchema, { method: 'POST', body, silent: shownByForm });
}

export function useCreateCampaign() {
  return useSaveMutation(createCampaign, campaignKeys);
}
