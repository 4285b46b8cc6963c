import { MENTION_TYPES, SENTIMENT_LABELS, type MentionType, type SentimentLabel } from '@dengar/contracts';

/** The stream's filters as the URL holds them (`?sourceId=…&type=…`), so a filtered view can be shared. */
export interface MentionFilters {
  sourceId?: string;
  brandId?: string;
  campaignId?: string;
  authorId?: string;
  type?: MentionType;
  sentiment?: SentimentLabel;
  language?: string;
  q?: string;
  from?: string;
  to?: string;
  /** Drill-down from the insights heatmap: weekday (Monday = 1) and hour in the workspace time zone. */
  weekday?: string;
  hour?: string;
}

export const FILTER_KEYS = [
  'sourceId',
  'brandId',
  'campaignId',
  'authorId',
  'type',
  'sentiment',
  'language',
  'q',
  'from',
  'to',
  'weekday',
  'hour',
] as const satisfies readonly (keyof MentionFilters)[];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** An instant, as insights drill-downs pass their buckets' bounds. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const LANGUAGE = /^[a-z]{2}$/;
export const SEARCH_MAX = 200;

const oneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/**
 * Reads the filters from the URL, dropping anything the API would refuse (a hand-edited address shows the
 * unfiltered stream instead of an error).
 */
export function parseMentionFilters(params: URLSearchParams): MentionFilters {
  const filters: MentionFilters = {};
  const get = (key: string) => params.get(key)?.trim() ?? '';
  for (const key of ['sourceId', 'brandId', 'campaignId', 'authorId'] as const) {
    const value = get(key);
    if (UUID.test(value)) filters[key] = value.toLowerCase();
  }
  const type = get('type');
  if (oneOf(MENTION_TYPES, type)) filters.type = type;
  const sentiment = get('sentiment');
  if (oneOf(SENTIMENT_LABELS, sentiment)) filters.sentiment = sentiment;
  const language = get('language');
  if (LANGUAGE.test(language)) filters.language = language;
  const q = get('q');
  if (q !== '') filters.q = q.slice(0, SEARCH_MAX);
  for (const key of ['from', 'to'] as const) {
    const value = get(key);
    if ((DAY.test(value) || INSTANT.test(value)) && !Number.isNaN(Date.parse(value))) filters[key] = value;
  }
  const weekday = get('weekday');
  if (/^[1-7]$/.test(weekday)) filters.weekday = weekday;
  const hour = get('hour');
  if (/^(1?\d|2[0-3])$/.test(hour)) filters.hour = hour;
  return filters;
}

/** The URL query for some filters; empty ones are left out. */
export function mentionFiltersToParams(filters: MentionFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value !== undefined && value !== '') params.set(key, value);
  }
  return params;
}

export const hasFilters = (filters: MentionFilters) => FILTER_KEYS.some((key) => filters[key] !== undefined);
