import { z } from 'zod';
import { LocaleSchema } from '../common/common.schema.js';
import { UserSchema } from '../user/user.schema.js';

export const SESSION_COOKIE = 'dengar_session';
export const CSRF_COOKIE = 'dengar_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export const LoginRequestSchema = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1, 'must not be empty').max(200),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const LoginResponseSchema = z.object({ user: UserSchema });
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

export const MeResponseSchema = z.object({
  user: UserSchema,
  /** How this request was authenticated. */
  via: z.enum(['session', 'token']),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;

export const UpdateMeRequestSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(120).optional(),
    locale: LocaleSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one field must be given' });
export type UpdateMeRequest = z.infer<typeof UpdateMeRequestSchema>;

export const CreateApiTokenRequestSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(80),
  /** Days until the token stops working; omitted = never. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type CreateApiTokenRequest = z.infer<typeof CreateApiTokenRequestSchema>;

export const ApiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** First characters of the token, to tell tokens apart; the rest is never stored. */
  prefix: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
  expiresAt: z.iso.datetime({ offset: true }).nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

/** Answer to token creation: the only time the secret is shown. */
export const CreatedApiTokenSchema = ApiTokenSchema.extend({ token: z.string() });
export type CreatedApiToken = z.infer<typeof CreatedApiTokenSchema>;

export const ApiTokenListSchema = z.object({ items: z.array(ApiTokenSchema), nextCursor: z.null() });
