/** Insights (SPEC §8): request and response shapes of `GET /api/insights/*`. */
export const INSIGHT_PANELS = [
  'volume',
  'types',
  'sentiment',
  'heatmap',
  'influencers',
  'campaigns',
  'share-of-voice',
  'care',
] as const;
