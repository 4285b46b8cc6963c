import { SetMetadata } from '@nestjs/common';
import type { Role } from '@dengar/contracts';

export const ACCESS_KEY = 'dengar:access';

export type AccessRule = { kind: 'public' } | { kind: 'roles'; roles: readonly Role[] };

/** Anyone, signed in or not (health, login, docs, signed webhooks). */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);

/** Signed-in users with one of these roles. */
export const Allow = (...roles: [Role, ...Role[]]) =>
  SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies AccessRule);

/** Any signed-in, active user. */
export const AnyUser = () => Allow('admin', 'manager', 'agent', 'marketing');

export const MANAGERS: [Role, ...Role[]] = ['admin', 'manager'];
