import type { Ticket } from '@dengar/contracts';

export type SlaTone = 'ok' | 'warning' | 'breached' | 'met' | 'none';

export interface SlaCountdown {
  tone: SlaTone;
  /** Milliseconds left (negative once breached); null without a running target. */
  remainingMs: number | null;
}

const FIFTEEN_MINUTES = 15 * 60_000;

/**
 * The first-response countdown of a row: amber when under a quarter of the target (measured from creation) or
 * under 15 minutes is left, red once breached. Answered tickets and those without a target show no countdown.
 */
export function slaCountdown(
  ticket: Pick<Ticket, 'firstResponseDueAt' | 'firstRespondedAt' | 'slaBreachedAt' | 'createdAt'>,
  now: number,
): SlaCountdown {
  if (ticket.firstRespondedAt !== null) return { tone: ticket.slaBreachedAt ? 'breached' : 'met', remainingMs: null };
  if (ticket.firstResponseDueAt === null) return { tone: 'none', remainingMs: null };
  const due = Date.parse(ticket.firstResponseDueAt);
  const remainingMs = due - now;
  if (remainingMs <= 0 || ticket.slaBreachedAt !== null) return { tone: 'breached', remainingMs };
  const total = due - Date.parse(ticket.createdAt);
  const warning = remainingMs < FIFTEEN_MINUTES || (total > 0 && remainingMs < total / 4);
  return { tone: warning ? 'warning' : 'ok', remainingMs };
}

/** A compact duration for a narrow column (`1h 05m`, `12m 30s`, `2d 3h`): which form, and its numbers. */
export function durationParts(ms: number): { form: 'dh' | 'hm' | 'ms'; values: Record<string, string> } {
  const totalSeconds = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (days > 0) return { form: 'dh', values: { d: String(days), h: String(hours) } };
  if (hours > 0) return { form: 'hm', values: { h: String(hours), m: pad(minutes) } };
  return { form: 'ms', values: { m: String(minutes), s: pad(seconds) } };
}

/** The best unit for "5 minutes ago" with Intl.RelativeTimeFormat. */
export function relativeParts(iso: string, now: number): { value: number; unit: Intl.RelativeTimeFormatUnit } {
  const diffSec = Math.round((Date.parse(iso) - now) / 1000);
  const abs = Math.abs(diffSec);
  if (abs < 60) return { value: diffSec, unit: 'second' };
  if (abs < 3600) return { value: Math.round(diffSec / 60), unit: 'minute' };
  if (abs < 86_400) return { value: Math.round(diffSec / 3600), unit: 'hour' };
  if (abs < 30 * 86_400) return { value: Math.round(diffSec / 86_400), unit: 'day' };
  if (abs < 365 * 86_400) return { value: Math.round(diffSec / (30 * 86_400)), unit: 'month' };
  return { value: Math.round(diffSec / (365 * 86_400)), unit: 'year' };
}
