import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../common/common.schema.js';

export const SOURCE_KINDS = ['mastodon', 'bluesky', 'reddit', 'x', 'rss', 'webhook', 'demo'] as const;
export const SourceKindSchema = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKindSchema>;

export const SOURCE_STATUSES = ['ok', 'backoff', 'error', 'disabled'] as const;
export const SourceStatusSchema = z.enum(SOURCE_STATUSES);
export type SourceStatus = z.infer<typeof SourceStatusSchema>;

const Url = z.url({ protocol: /^https?$/, message: 'expected an http(s) URL' });
const Secret = z.string().trim().min(1, 'must not be empty').max(4000);
const Query = z.string().trim().min(1, 'must not be empty').max(500);
const Mode = z.enum(['notifications', 'search']);

/**
 * Config per kind (SPEC §3). Keys listed in SOURCE_SECRET_KEYS are credentials: encrypted at rest, never
 * returned by the API (a response says which are set in `secretsSet`).
 */
export const SourceConfigSchemas = {
  mastodon: z.strictObject({
    baseUrl: Url,
    accessToken: Secret,
    mode: Mode.default('notifications'),
    query: Query.optional(),
  }),
  bluesky: z.strictObject({
    baseUrl: Url.default('https://bsky.social'),
    identifier: z.string().trim().min(1, 'must not be empty').max(300),
    appPassword: Secret,
    mode: Mode.default('notifications'),
    query: Query.optional(),
  }),
  reddit: z.strictObject({
    baseUrl: Url.default('https://oauth.reddit.com'),
    authUrl: Url.default('https://www.reddit.com'),
    clientId: z.string().trim().min(1, 'must not be empty').max(200),
    clientSecret: Secret,
    username: z.string().trim().min(1).max(100).optional(),
    password: Secret.optional(),
    query: Query.optional(),
    subreddits: z
      .array(
        z
          .string()
          .trim()
          .min(1)
          .max(100)
          .transform((s) => s.replace(/^\/?r\//, '')),
      )
      .max(50)
      .optional(),
  }),
  x: z.strictObject({
    baseUrl: Url.default('https://api.x.com'),
    bearerToken: Secret,
    userId: z.string().trim().regex(/^\d+$/, 'expected a numeric X user id').optional(),
    query: Query.optional(),
    /** User context (OAuth 2.0 with offline.access) for posting replies; refreshed by the connector. */
    clientId: z.string().trim().min(1).max(200).optional(),
    clientSecret: Secret.optional(),
    userAccessToken: Secret.optional(),
    userRefreshToken: Secret.optional(),
  }),
  rss: z.strictObject({ url: Url }),
  webhook: z.strictObject({
    /** A `replyWebhookUrl` pointing to a loopback/private address is refused unless this is true (SPEC §4). */
    allowPrivateReplyUrls: z.boolean().default(false),
  }),
  demo: z.strictObject({
    ratePerMinute: z.number().int().min(1).max(600).default(6),
  }),
} as const satisfies Record<SourceKind, z.ZodType>;

export type SourceConfig<K extends SourceKind = SourceKind> = z.infer<(typeof SourceConfigSchemas)[K]>;

export const SOURCE_SECRET_KEYS: Record<SourceKind, readonly string[]> = {
  mastodon: ['accessToken'],
  bluesky: ['appPassword'],
  reddit: ['clientSecret', 'password'],
  x: ['bearerToken', 'clientSecret', 'userAccessToken', 'userRefreshToken'],
  rss: [],
  webhook: [],
  demo: [],
};

/** Cross-field rules of a kind's config (a search mode needs a query…), as [path, message] pairs. */
export function sourceConfigProblems(kind: SourceKind, config: Record<string, unknown>): [string, string][] {
  const problems: [string, string][] = [];
  if ((kind === 'mastodon' || kind === 'bluesky') && config.mode === 'search' && !config.query) {
    problems.push(['config.query', 'is required when mode is "search"']);
  }
  if (kind === 'reddit' && !config.query && !(Array.isArray(config.subreddits) && config.subreddits.length)) {
    problems.push(['config.query', 'give a search query or at least one subreddit to watch']);
  }
  if (kind === 'reddit' && Boolean(config.username) !== Boolean(config.password)) {
    problems.push([
      'config.password',
      'username and password go together (a script app); leave both empty for read-only',
    ]);
  }
  if (kind === 'x' && !config.query && !config.userId) {
    problems.push(['config.query', 'give a search query or the userId whose mentions to read']);
  }
  return problems;
}

export const POLL_INTERVAL_MIN = 10;

export const SourceHealthSchema = z.object({
  /** Mentions stored in the last 24 h. */
  ingested24h: z.number().int(),
  /** Items already stored (re-deliveries, webhook retries) in the last 24 h. */
  duplicates24h: z.number().int(),
  /** Items skipped in the last 24 h, by reason. */
  skipped24h: z.number().int(),
  skipReasons: z.array(z.object({ reason: z.string(), count: z.number().int() })),
});
export type SourceHealth = z.infer<typeof SourceHealthSchema>;

export const SourceSchema = z.object({
  id: z.uuid(),
  kind: SourceKindSchema,
  name: z.string(),
  /** Non-secret config only. */
  config: z.record(z.string(), z.unknown()),
  /** Which credential keys are set (their values are never returned). */
  secretsSet: z.array(z.string()),
  pollIntervalSec: z.number().int(),
  backfillLimit: z.number().int(),
  enabled: z.boolean(),
  /** The connector's opaque checkpoint (newest id, feed ETag…); null before the first poll. */
  cursor: z.unknown(),
  status: SourceStatusSchema,
  lastPolledAt: z.iso.datetime({ offset: true }).nullable(),
  nextPollAt: z.iso.datetime({ offset: true }).nullable(),
  lastError: z.string().nullable(),
  /** For webhook sources: where to POST. */
  webhookUrl: z.string().nullable(),
  health: SourceHealthSchema,
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Source = z.infer<typeof SourceSchema>;

const SourceName = z.string().trim().min(1, 'must not be empty').max(120);
const PollInterval = z.number().int().min(POLL_INTERVAL_MIN).max(86_400);
const Backfill = z.number().int().min(0).max(5000);

const createFor = <K extends SourceKind>(kind: K) =>
  z.strictObject({
    kind: z.literal(kind),
    name: SourceName,
    config: SourceConfigSchemas[kind],
    pollIntervalSec: PollInterval.optional(),
    backfillLimit: Backfill.default(200),
    enabled: z.boolean().default(true),
  });

export const CreateSourceRequestSchema = z.discriminatedUnion('kind', [
  createFor('mastodon'),
  createFor('bluesky'),
  createFor('reddit'),
  createFor('x'),
  createFor('rss'),
  // webhook config is optional (SPEC §3)
  createFor('webhook').extend({ config: SourceConfigSchemas.webhook.default({ allowPrivateReplyUrls: false }) }),
  createFor('demo').extend({ config: SourceConfigSchemas.demo.default({ ratePerMinute: 6 }) }),
]);
export type CreateSourceRequest = z.input<typeof CreateSourceRequestSchema>;

/** `config` is merged into the stored one; a credential key left out keeps its value. */
export const UpdateSourceRequestSchema = z
  .strictObject({
    name: SourceName.optional(),
    config: z.record(z.string(), z.unknown()).optional(),
    pollIntervalSec: PollInterval.optional(),
    backfillLimit: Backfill.optional(),
    enabled: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one field must be given' });
export type UpdateSourceRequest = z.infer<typeof UpdateSourceRequestSchema>;

/** Creating a webhook source (and rotating its secret) shows the `whsec_…` secret once. */
export const CreatedSourceSchema = SourceSchema.extend({ webhookSecret: z.string().optional() });
export const WebhookSecretSchema = z.object({ webhookSecret: z.string() });

export const ListSourcesQuerySchema = PageQuerySchema;
export const SourcePageSchema = pageOf(SourceSchema);

export const PollAcceptedSchema = z.object({ sourceId: z.uuid(), queued: z.boolean() });

/** The inbound webhook body (SPEC §4). Items are validated one by one: a bad one is rejected, never the batch. */
export const WEBHOOK_MAX_BYTES = 1024 * 1024;
export const WEBHOOK_MAX_MENTIONS = 1000;

export const WebhookMentionSchema = z.object({
  externalId: z.string().trim().min(1).max(500),
  url: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .optional(),
  text: z.string().min(1).max(40_000),
  html: z.string().max(200_000).nullable().optional(),
  postedAt: z.iso.datetime({ offset: true }),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, 'expected an ISO 639-1 code')
    .nullable()
    .optional(),
  inReplyToExternalId: z.string().min(1).max(500).nullable().optional(),
  threadExternalId: z.string().min(1).max(500).nullable().optional(),
  replyWebhookUrl: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .optional(),
  author: z.object({
    externalId: z.string().trim().min(1).max(500),
    handle: z.string().trim().min(1).max(300),
    displayName: z.string().max(300).nullable().optional(),
    followers: z.number().int().min(0).nullable().optional(),
    verified: z.boolean().optional(),
    profileUrl: z
      .url({ protocol: /^https?$/ })
      .nullable()
      .optional(),
  }),
  metrics: z
    .object({
      likes: z.number().int().min(0).default(0),
      reposts: z.number().int().min(0).default(0),
      replies: z.number().int().min(0).default(0),
    })
    .optional(),
});
export type WebhookMention = z.infer<typeof WebhookMentionSchema>;

/** The envelope only: `mentions` must be an array; each item is checked on its own. */
export const WebhookBodySchema = z.object({ mentions: z.array(z.unknown()) });

export const WebhookResultSchema = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(z.object({ index: z.number().int(), reason: z.string() })),
});
export type WebhookResult = z.infer<typeof WebhookResultSchema>;
