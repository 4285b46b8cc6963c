import type { Locale, SourceKind } from '@dengar/contracts';

/** Names for the ids a mention carries; the app supplies them (sources, brands, campaigns are other features). */
export interface NamedOption {
  id: string;
  name: string;
}

export interface SourceOption extends NamedOption {
  kind: SourceKind;
}

export interface MentionLookups {
  sources: readonly SourceOption[];
  brands: readonly NamedOption[];
  campaigns: readonly NamedOption[];
}

/** Languages offered by the filter: the workspace's two first, then ones its neighbours write in. */
export const FILTER_LANGUAGES = [
  'en',
  'id',
  'ms',
  'jv',
  'su',
  'tl',
  'th',
  'vi',
  'zh',
  'ja',
  'ko',
  'es',
  'pt',
  'fr',
  'de',
  'ar',
];

const languageNames = new Map<Locale, Intl.DisplayNames>();

/** "Indonesian" / "Bahasa Indonesia" for `id`, in the reader's language; the code itself when unknown. */
export function languageName(code: string, locale: Locale): string {
  let names = languageNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'language' });
    languageNames.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Only web links open from the stream: a `javascript:` or `data:` URL in a post never becomes a link. */
export function safeHttpUrl(url: string | null): string | null {
  if (url == null) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}
