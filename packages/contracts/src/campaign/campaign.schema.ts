import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../common/common.schema.js';
import { TermListSchema } from '../brand/brand.schema.js';

export const CampaignSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The brand running it (null: any own brand). */
  brandId: z.uuid().nullable(),
  hashtags: z.array(z.string()),
  keywords: z.array(z.string()),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Campaign = z.infer<typeof CampaignSchema>;

const CampaignName = z.string().trim().min(1, 'must not be empty').max(120);
const Hashtags = z
  .array(
    z
      .string()
      .trim()
      .min(1)
      .max(100)
      .transform((t) => t.replace(/^#+/, '')),
  )
  .max(200);
/** Dates as ISO timestamps or `YYYY-MM-DD` (start of that day, UTC). */
const When = z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
  message: 'expected an ISO date or date-time',
});

export const CreateCampaignRequestSchema = z
  .strictObject({
    name: CampaignName,
    brandId: z.uuid().nullable().default(null),
    hashtags: Hashtags.default([]),
    keywords: TermListSchema.default([]),
    startsAt: When,
    endsAt: When.nullable().default(null),
  })
  .refine((c) => c.hashtags.length + c.keywords.length > 0, {
    message: 'give at least one hashtag or keyword',
    path: ['hashtags'],
  })
  .refine((c) => !c.endsAt || Date.parse(c.endsAt) >= Date.parse(c.startsAt), {
    message: 'must not be before startsAt',
    path: ['endsAt'],
  });
export type CreateCampaignRequest = z.input<typeof CreateCampaignRequestSchema>;

export const UpdateCampaignRequestSchema = z
  .strictObject({
    name: CampaignName.optional(),
    brandId: z.uuid().nullable().optional(),
    hashtags: Hashtags.optional(),
    keywords: TermListSchema.optional(),
    startsAt: When.optional(),
    endsAt: When.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one field must be given' });
export type UpdateCampaignRequest = z.input<typeof UpdateCampaignRequestSchema>;

export const ListCampaignsQuerySchema = PageQuerySchema;
export const CampaignPageSchema = pageOf(CampaignSchema);
