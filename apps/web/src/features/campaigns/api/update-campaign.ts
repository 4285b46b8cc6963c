import { CampaignSchema, type Campaign, type UpdateCampaignRequest } from '@dengar/contracts';
import { apiRequest } from '../../../lib/api-client';
import { shownByForm } from '../../../lib/form-errors';
import { useSaveMutation } from '../../../lib/use-save-mutation';
import { campaignKeys } from './campaign-keys';

export function updateCampaign({ id, changes }: { id: string; changes: UpdateCampaignRequest }): Promise<Campaign> {
  return apiRequest(`/campaigns/${encodeURIComponent(id)}`, CampaignSchema, {
    method: 'PATCH',
    body: changes,
    silent: shownByForm,
  });
}

export function useUpdateCampaign() {
  return useSaveMutation(updateCampaign, campaignKeys);
}
