import { z } from 'zod';
import {
  AvailabilitySchema,
  LocaleSchema,
  PageQuerySchema,
  QueryBooleanSchema,
  RoleSchema,
  pageOf,
} from '../common/common.schema.js';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`);

export const CAPACITY_DEFAULT = 20;
export const CapacitySchema = z.number().int().min(0).max(1000);

export const UserSchema = z.object({
  id: z.uuid(),
  email: z.email(),
  name: z.string(),
  role: RoleSchema,
  locale: LocaleSchema,
  capacity: z.number().int(),
  availability: AvailabilitySchema,
  active: z.boolean(),
  teamIds: z.array(z.uuid()),
  createdAt: z.iso.datetime({ offset: true }),
});
export type User = z.infer<typeof UserSchema>;

const NameSchema = z.string().trim().min(1, 'must not be empty').max(120);

export const CreateUserRequestSchema = z.strictObject({
  email: z.email().max(254),
  name: NameSchema,
  role: RoleSchema,
  password: PasswordSchema,
  locale: LocaleSchema.optional(),
  capacity: CapacitySchema.optional(),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;

export const UpdateUserRequestSchema = z
  .strictObject({
    email: z.email().max(254).optional(),
    name: NameSchema.optional(),
    role: RoleSchema.optional(),
    locale: LocaleSchema.optional(),
    capacity: CapacitySchema.optional(),
    active: z.boolean().optional(),
    password: PasswordSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one field must be given' });
export type UpdateUserRequest = z.infer<typeof UpdateUserRequestSchema>;

export const ListUsersQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(120).optional(),
  role: RoleSchema.optional(),
  active: QueryBooleanSchema.optional(),
});
export type ListUsersQuery = z.infer<typeof ListUsersQuerySchema>;

export const UserPageSchema = pageOf(UserSchema);

/** `PUT /api/users/me/availability`: only the user sets it (or the system, when all their sockets are gone). */
export const SetAvailabilityRequestSchema = z.strictObject({ availability: AvailabilitySchema });
export type SetAvailabilityRequest = z.infer<typeof SetAvailabilityRequestSchema>;
export const AvailabilityResultSchema = z.object({ userId: z.uuid(), availability: AvailabilitySchema });
