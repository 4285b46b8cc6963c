import { SOURCE_KINDS, type SourceKind } from '@dengar/contracts';

/** What every insight is read for, as the Insights page's URL holds it (`?range=30d&brandId=own`). */
export interface InsightFilters {
  /** `all`, `own`, `competitors` or a brand id. */
  brandId: string;
  sourceKind?: SourceKind;
  /** Days in the workspace time zone, both inclusive. */
  from: string;
  to: string;
}

export const RANGE_PRESETS = [7, 30, 90] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Today in a time zone, as `YYYY-MM-DD`. */
export function todayIn(timezone: string, now: Date = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(now)
    .slice(0, 10);
}

/** `day` moved by `days` (calendar arithmetic on the date alone, so no time zone can shift it). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The last `days` days including today. */
export function presetRange(days: number, today: string): { from: string; to: string } {
  return { from: addDays(today, -(days - 1)), to: today };
}

/** Which preset a range is, if any. */
export function presetOf(filters: Pick<InsightFilters, 'from' | 'to'>, today: string): RangePreset | null {
  return RANGE_PRESETS.find((days) => filters.to === today && filters.from === addDays(today, -(days - 1))) ?? null;
}

/** Reads the URL; anything the API would refuse falls back to the last 30 days of all brands. */
export function parseInsightFilters(params: URLSearchParams, today: string): InsightFilters {
  const brand = params.get('brandId') ?? '';
  const brandId = ['all', 'own', 'competitors'].includes(brand) || UUID.test(brand) ? brand : 'all';
  const kind = params.get('sourceKind') ?? '';
  const sourceKind = (SOURCE_KINDS as readonly string[]).includes(kind) ? (kind as SourceKind) : undefined;
  let from = params.get('from') ?? '';
  let to = params.get('to') ?? '';
  if (!DAY.test(from) || !DAY.test(to) || from > to || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to))) {
    ({ from, to } = presetRange(30, today));
  }
  return { brandId, from, to, ...(sourceKind ? { sourceKind } : {}) };
}

export function insightFiltersToParams(filters: InsightFilters): URLSearchParams {
  return new URLSearchParams(insightFiltersToQuery(filters));
}

export function insightFiltersToQuery(filters: InsightFilters): Record<string, string> {
  return {
    brandId: filters.brandId,
    from: filters.from,
    to: filters.to,
    ...(filters.sourceKind ? { sourceKind: filters.sourceKind } : {}),
  };
}

/**
 * The Mentions view's query for a drill-down: the insight's brand (when it is one brand) and the instants
 * behind the clicked bar or cell, plus the clicked value.
 */
export function mentionsDrillDown(
  filters: InsightFilters,
  range: { start: string; end: string },
  extra: Record<string, string> = {},
): URLSearchParams {
  const params = new URLSearchParams();
  if (UUID.test(filters.brandId)) params.set('brandId', filters.brandId);
  params.set('from', range.start);
  // The Mentions view's `to` instant is exclusive like the insight's `end`.
  params.set('to', range.end);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params;
}
