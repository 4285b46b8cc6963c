import type { Role } from '@dengar/contracts';

/** The queue's views, named as the API names them (`GET /api/tickets?view=`). */
export const INBOX_VIEWS = ['unassigned', 'mine', 'team', 'all'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];

export const DEFAULT_INBOX_VIEW: InboxView = 'unassigned';

export function isInboxView(value: unknown): value is InboxView {
  return typeof value === 'string' && (INBOX_VIEWS as readonly string[]).includes(value);
}

/** `all` is for managers and admins; everyone else sees only their own teams' tickets (SPEC §1). */
export function inboxViewsFor(role: Role): InboxView[] {
  return role === 'admin' || role === 'manager' ? [...INBOX_VIEWS] : INBOX_VIEWS.filter((view) => view !== 'all');
}
