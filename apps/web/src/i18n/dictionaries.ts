import { LOCALES, type Locale } from '@dengar/contracts';
import { en, type MessageKey } from './en';
import { id } from './id';

export type { MessageKey } from './en';
export type Dictionary = Record<MessageKey, string>;
export type MessageValues = Record<string, string | number>;

export const dictionaries: Record<Locale, Dictionary> = { en, id };

export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Fills `{name}` placeholders; a placeholder without a value is left as written so the gap is visible. */
export function format(template: string, values?: MessageValues): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

export function translate(locale: Locale, key: MessageKey, values?: MessageValues): string {
  return format(dictionaries[locale][key], values);
}

/**
 * The locale before anyone signs in: what this browser chose last time, else the browser's first preference
 * we have a dictionary for (`in` is the legacy tag for Indonesian), else English.
 */
export function detectLocale(stored: string | null, browserLanguages: readonly string[]): Locale {
  if (isLocale(stored)) return stored;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'id' || primary === 'in') return 'id';
    if (primary === 'en') return 'en';
  }
  return DEFAULT_LOCALE;
}
