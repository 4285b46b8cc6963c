import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../common/common.schema.js';

export const BRAND_KINDS = ['own', 'competitor'] as const;
export const BrandKindSchema = z.enum(BRAND_KINDS);
export type BrandKind = z.infer<typeof BrandKindSchema>;

const Term = z.string().trim().min(1, 'must not be empty').max(100);
/** Lists of listening terms: trimmed, de-duplicated case-insensitively, at most 200. */
export const TermListSchema = z
  .array(Term)
  .max(200)
  .transform((list) => {
    const seen = new Set<string>();
    // The first spelling wins.
    return list.filter((t) => !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
  });
/** Handles are stored without a leading `@`, hashtags without `#`. */
const HandleList = z.array(Term.transform((t) => t.replace(/^@+/, ''))).max(200);
const HashtagList = z.array(Term.transform((t) => t.replace(/^#+/, ''))).max(200);

export const BrandSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: BrandKindSchema,
  keywords: z.array(z.string()),
  handles: z.array(z.string()),
  hashtags: z.array(z.string()),
  excludedKeywords: z.array(z.string()),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Brand = z.infer<typeof BrandSchema>;

const BrandName = z.string().trim().min(1, 'must not be empty').max(80);

export const CreateBrandRequestSchema = z.strictObject({
  name: BrandName,
  kind: BrandKindSchema.default('own'),
  keywords: TermListSchema.default([]),
  handles: HandleList.default([]),
  hashtags: HashtagList.default([]),
  excludedKeywords: TermListSchema.default([]),
});
export type CreateBrandRequest = z.input<typeof CreateBrandRequestSchema>;

export const UpdateBrandRequestSchema = z
  .strictObject({
    name: BrandName.optional(),
    kind: BrandKindSchema.optional(),
    keywords: TermListSchema.optional(),
    handles: HandleList.optional(),
    hashtags: HashtagList.optional(),
    excludedKeywords: TermListSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one field must be given' });
export type UpdateBrandRequest = z.input<typeof UpdateBrandRequestSchema>;

export const ListBrandsQuerySchema = PageQuerySchema;
export const BrandPageSchema = pageOf(BrandSchema);
