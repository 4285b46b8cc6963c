import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../common/common.schema.js';

export const TAG_KINDS = ['outcome', 'topic', 'campaign'] as const;
export const TagKindSchema = z.enum(TAG_KINDS);
export type TagKind = z.infer<typeof TagKindSchema>;

export const TagSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: TagKindSchema,
  /** `#rrggbb`, lower case. */
  color: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Tag = z.infer<typeof TagSchema>;

/** What a ticket carries of each tag. */
export const TagRefSchema = TagSchema.pick({ id: true, name: true, kind: true, color: true });
export type TagRef = z.infer<typeof TagRefSchema>;

const TagNameSchema = z.string().trim().min(1, 'must not be empty').max(60);
const ColorSchema = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like #22c55e')
  .transform((c) => c.toLowerCase());

export const CreateTagRequestSchema = z.strictObject({
  name: TagNameSchema,
  kind: TagKindSchema,
  color: ColorSchema.optional(),
});
export type CreateTagRequest = z.infer<typeof CreateTagRequestSchema>;

export const UpdateTagRequestSchema = z
  .strictObject({ name: TagNameSchema.optional(), kind: TagKindSchema.optional(), color: ColorSchema.optional() })
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one field must be given' });
export type UpdateTagRequest = z.infer<typeof UpdateTagRequestSchema>;

export const ListTagsQuerySchema = PageQuerySchema.extend({ kind: TagKindSchema.optional() });
export const TagPageSchema = pageOf(TagSchema);

/** `PUT /api/tickets/:id/tags`: the ticket's whole tag set. */
export const SetTicketTagsRequestSchema = z.strictObject({
  tagIds: z.array(z.uuid()).max(50, 'at most 50 tags per ticket'),
});
export type SetTicketTagsRequest = z.infer<typeof SetTicketTagsRequestSchema>;

/** The outcome tags a new workspace starts with (SPEC §3). */
export const DEFAULT_OUTCOME_TAGS = [
  'resolved-info',
  'refund',
  'escalated',
  'sales-lead',
  'bug',
  'feature-request',
  'praise-shared',
  'churn-risk',
] as const;
