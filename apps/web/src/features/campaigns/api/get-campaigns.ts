import { CampaignPageSchema, type Campaign, type Page } from '@dengar/contracts';
import { infiniteQueryOptions, useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { campaignKeys } from './campaign-keys';

export const CAMPAIGNS_PAGE_SIZE = 50;

export function getCampaigns(
  { cursor, limit = CAMPAIGNS_PAGE_SIZE }: { cursor?: string | null; limit?: number },
  signal?: AbortSignal,
): Promise<Page<Campaign>> {
  return apiRequest('/campaigns', CampaignPageSchema, { query: { limit, cursor }, signal });
}

export function campaignsQueryOptions(limit: number = CAMPAIGNS_PAGE_SIZE) {
  return infiniteQueryOptions({
    queryKey: campaignKeys.list(limit),
    queryFn: ({ pageParam, signal }) => getCampaigns({ cursor: pageParam, limit }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function useCampaigns(limit?: number) {
  return useSuspenseInfiniteQuery(campaignsQueryOptions(limit));
}
