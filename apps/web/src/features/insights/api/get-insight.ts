import {
  AuthorsInsightSchema,
  CampaignsInsightSchema,
  CareInsightSchema,
  HeatmapInsightSchema,
  InfluencersInsightSchema,
  PurchaseIntentInsightSchema,
  SentimentInsightSchema,
  ShareOfVoiceInsightSchema,
  TopicsInsightSchema,
  TypesInsightSchema,
  VolumeInsightSchema,
  type InsightPanel,
} from '@dengar/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client';
import { insightFiltersToQuery, type InsightFilters } from '../insight-filters';
import { insightKeys } from './insights-keys';

/** `GET /api/insights/<panel>`: one endpoint per SPEC §8 row, all with the same filters and frame. */
export const INSIGHT_SCHEMAS = {
  volume: VolumeInsightSchema,
  types: TypesInsightSchema,
  sentiment: SentimentInsightSchema,
  heatmap: HeatmapInsightSchema,
  authors: AuthorsInsightSchema,
  influencers: InfluencersInsightSchema,
  campaigns: CampaignsInsightSchema,
  'purchase-intent': PurchaseIntentInsightSchema,
  'share-of-voice': ShareOfVoiceInsightSchema,
  care: CareInsightSchema,
  topics: TopicsInsightSchema,
} as const satisfies Record<InsightPanel, z.ZodType>;

export type InsightOf<P extends InsightPanel> = z.infer<(typeof INSIGHT_SCHEMAS)[P]>;

export function getInsight<P extends InsightPanel>(
  panel: P,
  filters: InsightFilters,
  signal?: AbortSignal,
): Promise<InsightOf<P>> {
  const schema = INSIGHT_SCHEMAS[panel] as unknown as z.ZodType<InsightOf<P>>;
  return apiRequest(`/insights/${panel}`, schema, { query: insightFiltersToQuery(filters), signal });
}

/** Insights follow committed data within seconds (SPEC §9): kept fresh by events and a slow poll. */
export function insightQueryOptions<P extends InsightPanel>(panel: P, filters: InsightFilters) {
  return queryOptions({
    queryKey: insightKeys.panel(panel, filters),
    queryFn: ({ signal }) => getInsight(panel, filters, signal),
    staleTime: 5_000,
    refetchInterval: 60_000,
  });
}

export function useInsight<P extends InsightPanel>(panel: P, filters: InsightFilters) {
  return useQuery(insightQueryOptions(panel, filters));
}

/** The CSV of a panel's table, or of the raw rows behind it, for the same filters (streamed by the API). */
export function insightExportUrl(panel: InsightPanel, filters: InsightFilters, rows: 'table' | 'raw'): string {
  const query = new URLSearchParams({ ...insightFiltersToQuery(filters), panel, rows });
  return `/api/insights/export.csv?${query.toString()}`;
}
