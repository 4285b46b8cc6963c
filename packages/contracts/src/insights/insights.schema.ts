import { z } from 'zod';
import { MENTION_TYPES } from '../mention/mention.schema.js';
import { SourceKindSchema } from '../source/source.schema.js';

/** Insights (SPEC §8): request and response shapes of `GET /api/insights/*`. */
export const INSIGHT_PANELS = [
  'volume',
  'types',
  'sentiment',
  'heatmap',
  'authors',
  'influencers',
  'campaigns',
  'purchase-intent',
  'share-of-voice',
  'care',
  'topics',
] as const;
export const InsightPanelSchema = z.enum(INSIGHT_PANELS);
export type InsightPanel = z.infer<typeof InsightPanelSchema>;

/** `all` (default), one brand's id, or every own brand / every competitor taken together. */
export const InsightBrandSchema = z.union([z.uuid(), z.enum(['all', 'own', 'competitors'])], {
  message: 'expected a brand id, all, own or competitors',
});
export type InsightBrand = z.infer<typeof InsightBrandSchema>;

const When = z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
  message: 'expected YYYY-MM-DD or an ISO date-time',
});

export const INSIGHT_INTERVALS = ['hour', 'day', 'week'] as const;

/**
 * The filters every insight takes. `from`/`to`: `YYYY-MM-DD` days in the workspace time zone (both inclusive) or
 * ISO date-times (`to` exclusive); default the last 30 days including today. `interval` shapes time series
 * (default `hour` for ranges up to 2 days, else `day`).
 */
export const InsightsQuerySchema = z.object({
  from: When.optional(),
  to: When.optional(),
  brandId: InsightBrandSchema.default('all'),
  sourceKind: SourceKindSchema.optional(),
  interval: z.enum(INSIGHT_INTERVALS).optional(),
});
export type InsightsQuery = z.infer<typeof InsightsQuerySchema>;

/** `GET /api/insights/export.csv`: a panel's table, or with `rows=raw` the mentions (tickets for care) behind it. */
export const InsightsExportQuerySchema = InsightsQuerySchema.extend({
  panel: InsightPanelSchema,
  rows: z.enum(['table', 'raw']).default('table'),
});
export type InsightsExportQuery = z.infer<typeof InsightsExportQuerySchema>;

/** One number with the previous period of equal length (the range moved back by its own length). */
export const InsightSummarySchema = z.object({
  metric: z.string(),
  value: z.number(),
  previous: z.number(),
  /** `value − previous`. */
  change: z.number(),
  /** `change / previous` in percent; null when the previous period had nothing. */
  changePercent: z.number().nullable(),
});
export type InsightSummary = z.infer<typeof InsightSummarySchema>;

const Frame = {
  /** As requested (normalised): a day or an instant. */
  from: z.string(),
  to: z.string(),
  timezone: z.string(),
  brandId: InsightBrandSchema.optional(),
  sourceKind: SourceKindSchema.optional(),
  /** The instants read: `[start, end)`. */
  start: z.iso.datetime({ offset: true }),
  end: z.iso.datetime({ offset: true }),
  summary: InsightSummarySchema,
};

/** A time-series point: its local label (`YYYY-MM-DD` for day/week, ISO instant for hour) and its instants. */
const Point = {
  label: z.string(),
  start: z.iso.datetime({ offset: true }),
  end: z.iso.datetime({ offset: true }),
};

const Sentiments = {
  positive: z.number().int(),
  neutral: z.number().int(),
  negative: z.number().int(),
};

export const VolumeInsightSchema = z.object({
  ...Frame,
  interval: z.enum(INSIGHT_INTERVALS),
  series: z.array(z.object({ ...Point, mentions: z.number().int(), bySource: z.record(z.string(), z.number().int()) })),
  bySource: z.array(z.object({ sourceKind: z.string(), mentions: z.number().int() })),
});
export type VolumeInsight = z.infer<typeof VolumeInsightSchema>;

export const MentionTypeCountSchema = z.object({
  type: z.enum(MENTION_TYPES),
  mentions: z.number().int(),
  /** Of all mentions in the range, 0–1. */
  share: z.number(),
});
export const TypesInsightSchema = z.object({ ...Frame, items: z.array(MentionTypeCountSchema) });
export type TypesInsight = z.infer<typeof TypesInsightSchema>;

export const SentimentInsightSchema = z.object({
  ...Frame,
  interval: z.enum(INSIGHT_INTERVALS),
  totals: z.object({ mentions: z.number().int(), ...Sentiments, netSentiment: z.number() }),
  series: z.array(z.object({ ...Point, mentions: z.number().int(), ...Sentiments })),
});
export type SentimentInsight = z.infer<typeof SentimentInsightSchema>;

export const HeatmapCellSchema = z.object({
  /** ISO weekday in the workspace time zone, Monday = 1. */
  weekday: z.number().int().min(1).max(7),
  hour: z.number().int().min(0).max(23),
  mentions: z.number().int(),
  negative: z.number().int(),
});
export const HeatmapInsightSchema = z.object({ ...Frame, cells: z.array(HeatmapCellSchema) });
export type HeatmapInsight = z.infer<typeof HeatmapInsightSchema>;

export const AuthorsInsightSchema = z.object({
  ...Frame,
  /** Distinct authors with a mention in the range. */
  uniqueAuthors: z.number().int(),
  /** Of those, authors whose first mention (for this brand key) falls in the range. */
  newAuthors: z.number().int(),
  returningAuthors: z.number().int(),
  mentions: z.number().int(),
  /** Likes + reposts + replies of the range's mentions, and their authors' followers (one count per mention). */
  engagement: z.number().int(),
  reach: z.number().int(),
  /** True when `uniqueAuthors` is an estimate (k-minimum-values sketch, ±3 %), see docs/insights.md. */
  approximate: z.boolean(),
});
export type AuthorsInsight = z.infer<typeof AuthorsInsightSchema>;

export const InfluencerSchema = z.object({
  authorId: z.uuid(),
  handle: z.string(),
  displayName: z.string().nullable(),
  profileUrl: z.string().nullable(),
  sourceKind: z.string(),
  followers: z.number().int(),
  influence: z.number().int(),
  mentions: z.number().int(),
  positive: z.number().int(),
  negative: z.number().int(),
  engagement: z.number().int(),
  /** Mentions per local day of the range, oldest first (one entry per day touched): for a sparkline. */
  trend: z.array(z.number().int()),
});
export const InfluencersInsightSchema = z.object({ ...Frame, items: z.array(InfluencerSchema) });
export type InfluencersInsight = z.infer<typeof InfluencersInsightSchema>;

export const CampaignInsightItemSchema = z.object({
  campaignId: z.uuid(),
  name: z.string(),
  brandId: z.uuid().nullable(),
  mentions: z.number().int(),
  reach: z.number().int(),
  engagement: z.number().int(),
  ...Sentiments,
  /** Mentions per local day of the range, oldest first (one entry per day touched): for a sparkline. */
  trend: z.array(z.number().int()),
});
export const CampaignsInsightSchema = z.object({ ...Frame, items: z.array(CampaignInsightItemSchema) });
export type CampaignsInsight = z.infer<typeof CampaignsInsightSchema>;

export const PurchaseIntentInsightSchema = z.object({
  ...Frame,
  interval: z.enum(INSIGHT_INTERVALS),
  /** Purchase-intent mentions of the chosen brand key. */
  purchaseIntent: z.number().int(),
  /** Complaints about competitors: sales opportunities. */
  competitorComplaints: z.number().int(),
  series: z.array(z.object({ ...Point, purchaseIntent: z.number().int(), competitorComplaints: z.number().int() })),
});
export type PurchaseIntentInsight = z.infer<typeof PurchaseIntentInsightSchema>;

export const ShareOfVoiceItemSchema = z.object({
  brandId: z.uuid(),
  name: z.string(),
  kind: z.enum(['own', 'competitor']),
  mentions: z.number().int(),
  /** Of the mentions of all listed brands together, 0–1. */
  share: z.number(),
  ...Sentiments,
});
export const ShareOfVoiceInsightSchema = z.object({
  ...Frame,
  own: z.object({ mentions: z.number().int(), share: z.number(), ...Sentiments }),
  competitors: z.object({ mentions: z.number().int(), share: z.number(), ...Sentiments }),
  items: z.array(ShareOfVoiceItemSchema),
});
export type ShareOfVoiceInsight = z.infer<typeof ShareOfVoiceInsightSchema>;

/** Median and p90 in minutes (linear interpolation), wall-clock and business-hours; null without data. */
export const DurationStatsSchema = z.object({
  count: z.number().int(),
  median: z.number().nullable(),
  p90: z.number().nullable(),
  medianBusiness: z.number().nullable(),
  p90Business: z.number().nullable(),
});
export type DurationStats = z.infer<typeof DurationStatsSchema>;

export const CareMetricsSchema = z.object({
  tickets: z.number().int(),
  firstResponse: DurationStatsSchema,
  resolution: DurationStatsSchema,
  /** Tickets answered within their first-response target / those answered or breached; null when none. */
  slaHitRate: z.number().nullable(),
  slaHits: z.number().int(),
  slaMisses: z.number().int(),
  reopened: z.number().int(),
});
export type CareMetrics = z.infer<typeof CareMetricsSchema>;

export const CareInsightSchema = z.object({
  ...Frame,
  totals: CareMetricsSchema,
  teams: z.array(CareMetricsSchema.extend({ teamId: z.uuid(), name: z.string() })),
  /** Per current assignee; only for managers and admins (absent for marketing). */
  agents: z.array(CareMetricsSchema.extend({ userId: z.uuid(), name: z.string() })).optional(),
  outcomes: z.array(z.object({ tagId: z.uuid(), name: z.string(), tickets: z.number().int() })),
  /**
   * True when the medians and p90s are estimates: ranges of more than 20,000 tickets read a random sample of about
   * 20,000 (counts stay exact), see docs/insights.md. False when they are exact.
   */
  approximate: z.boolean().optional(),
});
export type CareInsight = z.infer<typeof CareInsightSchema>;

/** A term (hashtag or word, see docs/insights.md) and how often the range's mentions used it, by sentiment. */
export const TopicItemSchema = z.object({
  term: z.string(),
  mentions: z.number().int(),
  ...Sentiments,
});
export const TopicsInsightSchema = z.object({
  ...Frame,
  /** The 20 most used terms of the range, most mentions first (ties by term). */
  items: z.array(TopicItemSchema),
  /** True when the range does not start and end at local midnight (terms are counted per whole local day). */
  approximate: z.boolean(),
});
export type TopicsInsight = z.infer<typeof TopicsInsightSchema>;
