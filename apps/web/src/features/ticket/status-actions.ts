import { STATUS_TRANSITIONS, type Role, type TagRef, type TicketStatus } from '@dengar/contracts';

/** The statuses a person may move a ticket to from `status` (SPEC §3); closing by hand is for managers. */
export function statusActions(status: TicketStatus, role: Role): TicketStatus[] {
  const managing = role === 'admin' || role === 'manager';
  return STATUS_TRANSITIONS[status].filter((next) => next !== 'closed' || managing);
}

/**
 * Whether resolving may go ahead: when the workspace requires an outcome tag, a ticket without one is
 * blocked here (the API would answer 422) and the person is sent to the tag picker instead.
 */
export function resolveBlock(tags: readonly TagRef[], requireOutcomeTag: boolean): 'ok' | 'needs_outcome_tag' {
  if (!requireOutcomeTag) return 'ok';
  return tags.some((tag) => tag.kind === 'outcome') ? 'ok' : 'needs_outcome_tag';
}

/** The snooze picker's value (`YYYY-MM-DDTHH:mm`, local time) as an ISO instant; null when empty or invalid. */
export function snoozeInstant(localValue: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(localValue)) return null;
  const date = new Date(localValue);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** An instant as a `datetime-local` value in the browser's time zone. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
