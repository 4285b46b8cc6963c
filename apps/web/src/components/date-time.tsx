import type { Locale } from '@dengar/contracts';
import { useLocale } from '../i18n/i18n-provider';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A date and time as people of this language write it, in the browser's time zone. */
export function formatDateTime(iso: string, locale: Locale): string {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    formatters.set(locale, formatter);
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatter.format(date);
}

/** A `<time>` element: machine-readable value, localised text. */
export function DateTime({ value }: { value: string }) {
  const { locale } = useLocale();
  return <time dateTime={value}>{formatDateTime(value, locale)}</time>;
}
