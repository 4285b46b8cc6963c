import type { Locale, Role, User } from '@dengar/contracts';

/** Admins edit everything about a user; managers only `capacity` (the API refuses the rest with 403). */
export type UserEditScope = 'all' | 'capacity';

export interface UserDraft {
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  /** As typed in the number field; blank or not a number is left for validation to name. */
  capacity: string;
  active: boolean;
  /** Blank keeps the current password. */
  password: string;
}

/** Only the fields that changed, so a manager's save never sends what they may not set. */
export function userChanges(user: User, draft: UserDraft, scope: UserEditScope): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const capacity = draft.capacity.trim() === '' ? Number.NaN : Number(draft.capacity);
  if (capacity !== user.capacity) changes.capacity = capacity;
  if (scope === 'capacity') return changes;
  if (draft.email.trim() !== user.email) changes.email = draft.email.trim();
  if (draft.name !== user.name) changes.name = draft.name;
  if (draft.role !== user.role) changes.role = draft.role;
  if (draft.locale !== user.locale) changes.locale = draft.locale;
  if (draft.active !== user.active) changes.active = draft.active;
  if (draft.password !== '') changes.password = draft.password;
  return changes;
}
