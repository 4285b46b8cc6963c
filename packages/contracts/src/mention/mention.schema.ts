import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../common/common.schema.js';
import { SourceKindSchema } from '../source/source.schema.js';

export const SENTIMENT_LABELS = ['positive', 'neutral', 'negative'] as const;
export const SentimentLabelSchema = z.enum(SENTIMENT_LABELS);
export type SentimentLabel = z.infer<typeof SentimentLabelSchema>;

export const SentimentSchema = z.object({ label: SentimentLabelSchema, score: z.number().min(-1).max(1) });
export type Sentiment = z.infer<typeof SentimentSchema>;

export const MENTION_TYPES = ['question', 'complaint', 'praise', 'purchase_intent', 'promo', 'other'] as const;
export const MentionTypeSchema = z.enum(MENTION_TYPES);
export type MentionType = z.infer<typeof MentionTypeSchema>;

export const MetricsSchema = z.object({
  likes: z.number().int(),
  reposts: z.number().int(),
  replies: z.number().int(),
});

export const AuthorSummarySchema = z.object({
  id: z.uuid(),
  handle: z.string(),
  displayName: z.string().nullable(),
  profileUrl: z.string().nullable(),
  followers: z.number().int(),
  influence: z.number().int().min(0).max(100),
  verified: z.boolean(),
});
export type AuthorSummary = z.infer<typeof AuthorSummarySchema>;

export const MentionSchema = z.object({
  id: z.uuid(),
  sourceId: z.uuid(),
  sourceKind: SourceKindSchema,
  externalId: z.string(),
  url: z.string().nullable(),
  /** Plain text: render as text. */
  text: z.string(),
  /** Sanitised server-side (allow-list); optional. */
  html: z.string().nullable(),
  postedAt: z.iso.datetime({ offset: true }),
  ingestedAt: z.iso.datetime({ offset: true }),
  editedAt: z.iso.datetime({ offset: true }).nullable(),
  language: z.string().nullable(),
  sentiment: SentimentSchema,
  type: MentionTypeSchema,
  isSpam: z.boolean(),
  metrics: MetricsSchema,
  inReplyToExternalId: z.string().nullable(),
  threadExternalId: z.string().nullable(),
  brandIds: z.array(z.uuid()),
  campaignIds: z.array(z.uuid()),
  ticketId: z.uuid().nullable(),
  author: AuthorSummarySchema,
});
export type Mention = z.infer<typeof MentionSchema>;

export const SpamFilterSchema = z.enum(['false', 'true', 'any']);

const When = z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
  message: 'expected an ISO date or date-time',
});

export const ListMentionsQuerySchema = PageQuerySchema.extend({
  sourceId: z.uuid().optional(),
  brandId: z.uuid().optional(),
  campaignId: z.uuid().optional(),
  ticketId: z.uuid().optional(),
  authorId: z.uuid().optional(),
  type: MentionTypeSchema.optional(),
  sentiment: SentimentLabelSchema.optional(),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, 'expected an ISO 639-1 code')
    .optional(),
  spam: SpamFilterSchema.default('false'),
  q: z.string().trim().min(1).max(200).optional(),
  from: When.optional(),
  to: When.optional(),
  /** Heatmap drill-down: ISO weekday (Monday = 1) and hour (0–23) of `postedAt` in the workspace time zone. */
  weekday: z.coerce.number().int().min(1, 'expected 1 (Monday) to 7').max(7, 'expected 1 (Monday) to 7').optional(),
  hour: z.coerce.number().int().min(0, 'expected 0 to 23').max(23, 'expected 0 to 23').optional(),
});
export type ListMentionsQuery = z.infer<typeof ListMentionsQuerySchema>;

export const MentionPageSchema = pageOf(MentionSchema);

/** Restoring a mention wrongly marked as spam (or marking one): restoring threads it into a ticket. */
export const UpdateMentionRequestSchema = z.strictObject({ isSpam: z.boolean() });
export type UpdateMentionRequest = z.infer<typeof UpdateMentionRequestSchema>;
