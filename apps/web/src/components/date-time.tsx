import type { Locale } from '@dengar/contracts';
import { useSyncExternalStore } from 'react';
import { useLocale } from '../i18n/i18n-provider';

/**
 * Dates and times show in the workspace time zone (GET /api/settings `timezone`), so everyone on a team reads the
 * same clock as the SLA and insights do; until the settings are in, the browser's zone.
 */
let displayTimeZone: string | undefined;
const listeners = new Set<() => void>();

export function setDisplayTimeZone(timeZone: string | undefined): void {
  if (timeZone === displayTimeZone) return;
  displayTimeZone = timeZone;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const getTimeZone = () => displayTimeZone;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A date and time as people of this language write it, in the workspace time zone. */
export function formatDateTime(iso: string, locale: Locale): string {
  const key = `${locale}|${displayTimeZone ?? ''}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      ...(displayTimeZone ? { timeZone: displayTimeZone } : {}),
    });
    formatters.set(key, formatter);
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatter.format(date);
}

/** A `<time>` element: machine-readable value, localised text. */
export function DateTime({ value }: { value: string }) {
  const { locale } = useLocale();
  useSyncExternalStore(subscribe, getTimeZone, getTimeZone);
  return <time dateTime={value}>{formatDateTime(value, locale)}</time>;
}
