import { z } from 'zod';
import { LocaleSchema, PageQuerySchema, pageOf } from '../common/common.schema.js';

export const CannedResponseSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Typed after `/` in the composer. */
  shortcut: z.string(),
  language: LocaleSchema,
  /** May hold `{{author.handle}}`, `{{author.name}}`, `{{agent.name}}`, `{{ticket.number}}`, `{{brand.name}}`. */
  body: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type CannedResponse = z.infer<typeof CannedResponseSchema>;

export const CANNED_VARIABLES = ['author.handle', 'author.name', 'agent.name', 'ticket.number', 'brand.name'] as const;
export type CannedVariable = (typeof CANNED_VARIABLES)[number];

const ShortcutSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'use 1–40 lower-case letters, digits, - or _');
const BodySchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(5000)
  .superRefine((body, ctx) => {
    for (const m of body.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
      if (!(CANNED_VARIABLES as readonly string[]).includes(m[1] ?? '')) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown variable {{${m[1] ?? ''}}}; known: ${CANNED_VARIABLES.map((v) => `{{${v}}}`).join(', ')}`,
        });
      }
    }
  });

export const CreateCannedResponseRequestSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(120),
  shortcut: ShortcutSchema,
  language: LocaleSchema,
  body: BodySchema,
});
export type CreateCannedResponseRequest = z.infer<typeof CreateCannedResponseRequestSchema>;

export const UpdateCannedResponseRequestSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(120).optional(),
    shortcut: ShortcutSchema.optional(),
    language: LocaleSchema.optional(),
    body: BodySchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one field must be given' });
export type UpdateCannedResponseRequest = z.infer<typeof UpdateCannedResponseRequestSchema>;

export const ListCannedResponsesQuerySchema = PageQuerySchema.extend({
  language: LocaleSchema.optional(),
  q: z.string().trim().min(1).max(100).optional(),
});
export const CannedResponsePageSchema = pageOf(CannedResponseSchema);

/** `POST /api/canned-responses/:id/render` `{ticketId}` → the body with its variables filled for that ticket. */
export const RenderCannedResponseRequestSchema = z.strictObject({ ticketId: z.uuid() });
export const RenderedCannedResponseSchema = z.object({ body: z.string() });

/**
 * Fills `{{variables}}` (shared by the API and the web app so a preview equals what is sent). Unknown or
 * missing values become empty strings.
 */
export function renderCanned(body: string, vars: Partial<Record<CannedVariable, string | number | null>>): string {
  return body.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (_m, name: string) => {
    const v = vars[name as CannedVariable];
    return v === null || v === undefined ? '' : String(v);
  });
}
