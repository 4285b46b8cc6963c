import { z } from 'zod';
import { BrandKindSchema } from '../brand/brand.schema.js';
import { LanguageCodeSchema } from '../common/common.schema.js';
import { MentionTypeSchema, SentimentLabelSchema } from '../mention/mention.schema.js';
import { SourceKindSchema } from '../source/source.schema.js';
import { TicketPrioritySchema } from '../ticket/ticket.schema.js';

const Terms = z.array(z.string().trim().min(1).max(100)).max(100);

/** Every condition given must hold (AND); a list condition holds when any of its values matches. */
export const RoutingConditionsSchema = z.strictObject({
  sourceKinds: z.array(SourceKindSchema).min(1).optional(),
  sourceIds: z.array(z.uuid()).min(1).optional(),
  /** `own`: the mention is about an own brand (or no brand); `competitor`: it names a competitor. */
  brandKind: BrandKindSchema.optional(),
  brandIds: z.array(z.uuid()).min(1).optional(),
  languages: z.array(LanguageCodeSchema).min(1).optional(),
  sentiments: z.array(SentimentLabelSchema).min(1).optional(),
  types: z.array(MentionTypeSchema).min(1).optional(),
  /** Case-insensitive whole-word (or phrase) matches on the mention's text. */
  keywords: z.strictObject({ any: Terms.optional(), all: Terms.optional(), none: Terms.optional() }).optional(),
  minInfluence: z.number().int().min(0).max(100).optional(),
  verified: z.boolean().optional(),
});
export type RoutingConditions = z.infer<typeof RoutingConditionsSchema>;

export const RoutingActionsSchema = z
  .strictObject({
    teamId: z.uuid().optional(),
    priority: TicketPrioritySchema.optional(),
    tagIds: z.array(z.uuid()).max(20).optional(),
    markSpam: z.boolean().optional(),
    /** Store the mention but open no ticket. */
    skip: z.boolean().optional(),
  })
  .refine((a) => Object.values(a).some((v) => v !== undefined && v !== false), {
    message: 'a rule needs at least one action',
  });
export type RoutingActions = z.infer<typeof RoutingActionsSchema>;

export const RoutingRuleSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.number().int(),
  enabled: z.boolean(),
  conditions: RoutingConditionsSchema,
  actions: RoutingActionsSchema,
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type RoutingRule = z.infer<typeof RoutingRuleSchema>;

export const CreateRoutingRuleRequestSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(120),
  enabled: z.boolean().optional(),
  /** Where to insert (0 = first); default last. */
  position: z.number().int().min(0).optional(),
  conditions: RoutingConditionsSchema,
  actions: RoutingActionsSchema,
});
export type CreateRoutingRuleRequest = z.infer<typeof CreateRoutingRuleRequestSchema>;

export const UpdateRoutingRuleRequestSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(120).optional(),
    enabled: z.boolean().optional(),
    conditions: RoutingConditionsSchema.optional(),
    actions: RoutingActionsSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one field must be given' });
export type UpdateRoutingRuleRequest = z.infer<typeof UpdateRoutingRuleRequestSchema>;

/** `PUT /api/routing-rules/order` `{ids}`: every rule's id, in the new order. */
export const ReorderRoutingRulesRequestSchema = z.strictObject({ ids: z.array(z.uuid()).min(1).max(1000) });
export type ReorderRoutingRulesRequest = z.infer<typeof ReorderRoutingRulesRequestSchema>;

export const RoutingRuleListSchema = z.object({ items: z.array(RoutingRuleSchema), nextCursor: z.null() });
export type RoutingRuleList = z.infer<typeof RoutingRuleListSchema>;

/** `POST /api/routing-rules/dry-run`: which of the last `limit` mentions a draft rule would match. */
export const RoutingDryRunRequestSchema = z.strictObject({
  conditions: RoutingConditionsSchema,
  limit: z.number().int().min(1).max(5000).default(500),
});
export type RoutingDryRunRequest = z.infer<typeof RoutingDryRunRequestSchema>;
export const RoutingDryRunResultSchema = z.object({
  matched: z.number().int(),
  of: z.number().int(),
  /** Up to 20 matching mentions, newest first. */
  sample: z.array(z.object({ id: z.uuid(), text: z.string(), postedAt: z.iso.datetime({ offset: true }) })),
});
export type RoutingDryRunResult = z.infer<typeof RoutingDryRunResultSchema>;
