import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { medianAndP90, unpackFloat8 } from './care-percentiles.js';

/** Rollup keys (see the InsightsRollups migration): all brands, own brands together, competitors together. */
export const BRAND_KEY_ALL = '00000000-0000-0000-0000-000000000000';
export const BRAND_KEY_OWN = '00000000-0000-0000-0000-000000000001';
export const BRAND_KEY_COMPETITORS = '00000000-0000-0000-0000-000000000002';

/** Authors with at least this influence (0–100, ≈ 1k followers) are candidates for the influencer list. */
export const INFLUENCER_MIN = 25;

/** k of the k-minimum-values sketch for unique authors: exact below k distinct authors, else ±1/√k (≈ 3 %). */
export const SKETCH_K = 1024;
const HASH_SPACE = 2 ** 60;

/** Care percentiles are exact up to this many tickets in the range; above, they come from a sample of about this size. */
export const CARE_EXACT_MAX = 20_000;
/** The ticket facts' `sample` column: 64 strata by the id's last byte. */
const SAMPLE_STRATA = 64;

export type Interval = 'hour' | 'day' | 'week';

/** What every rollup read filters on. */
export interface Scope {
  brandKey: string;
  start: Date;
  end: Date;
  sourceKind?: string | undefined;
  tz: string;
}

export interface Counts {
  n: number;
  positive: number;
  neutral: number;
  negative: number;
  question: number;
  complaint: number;
  praise: number;
  purchase_intent: number;
  promo: number;
  other: number;
  engagement: number;
  reach: number;
}

export const COUNT_KEYS: readonly (keyof Counts)[] = [
  'n',
  'positive',
  'neutral',
  'negative',
  'question',
  'complaint',
  'praise',
  'purchase_intent',
  'promo',
  'other',
  'engagement',
  'reach',
];

const SUM_COLUMNS = COUNT_KEYS.map((k) => `coalesce(sum(r.${k}), 0)::float8 AS "${k}"`).join(', ');

export interface SeriesRow extends Counts {
  label: string;
  start: Date;
  end: Date;
}

export interface CareRow {
  teamId: string | null;
  assigneeId: string | null;
  scope: 'total' | 'team' | 'agent';
  name: string | null;
  tickets: number;
  fr: number[] | null;
  frb: number[] | null;
  res: number[] | null;
  resb: number[] | null;
  frCount: number;
  resCount: number;
  hits: number;
  misses: number;
  reopened: number;
}

/** Exact care counts of one team × current assignee. */
export interface CareCounts {
  teamId: string;
  assigneeId: string | null;
  tickets: number;
  frCount: number;
  resCount: number;
  hits: number;
  misses: number;
  reopened: number;
}

/** See `dayParts`. */
interface DayParts {
  days: [string, string] | null;
  edges: [Date, Date][];
}

/** The ticket facts' durations, in the order of `CareRow`'s fr, frb, res, resb. */
const DURATION_COLUMNS = ['first_response_min', 'first_response_bmin', 'resolution_min', 'resolution_bmin'] as const;
type DurationColumn = (typeof DURATION_COLUMNS)[number];

/** The care rollups' key for "no assignee" / "no brand". */
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

export interface RawMention {
  id: string;
  postedAt: Date;
  sourceKind: string;
  authorHandle: string;
  type: string;
  sentimentLabel: string;
  likes: number;
  reposts: number;
  replies: number;
  brandIds: string[];
  campaignIds: string[];
  ticketId: string | null;
  url: string | null;
  text: string;
}

export interface RawTicket {
  id: string;
  number: number;
  createdAt: Date;
  status: string;
  priority: string;
  teamName: string;
  assigneeName: string | null;
  sourceKind: string;
  firstResponseMin: number | null;
  firstResponseBusinessMin: number | null;
  resolutionMin: number | null;
  resolutionBusinessMin: number | null;
  slaHit: boolean | null;
  reopened: number;
  subject: string;
}

/** Extra mention filters for the raw export of a panel. */
export interface RawMentionFilter {
  type?: string;
  withCampaign?: boolean;
  minInfluence?: number;
}

/** Binds parameters in order: `p(v)` returns `$n`. */
class Params {
  readonly values: unknown[] = [];
  p(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** The rollups' source-kind column: one kind, or `*` (every kind together, written alongside). */
const ALL_KINDS = '*';

/**
 * Rollup rows (folded + deltas not yet folded) of one scope, as the relation `r`: the `*` rows, or with
 * `perKind` one row per source kind.
 */
function rollupRows(s: Scope, ps: Params, start = s.start, perKind = false): string {
  const kind = s.sourceKind
    ? `source_kind = ${ps.p(s.sourceKind)}`
    : perKind
      ? `source_kind <> ${ps.p(ALL_KINDS)}`
      : `source_kind = ${ps.p(ALL_KINDS)}`;
  const where = `brand_key = ${ps.p(s.brandKey)} AND bucket >= ${ps.p(start)} AND bucket < ${ps.p(s.end)} AND ${kind}`;
  const cols = `bucket, source_kind, ${COUNT_KEYS.join(', ')}`;
  return `(SELECT ${cols} FROM insights_mention_rollup WHERE ${where}
    UNION ALL SELECT ${cols} FROM insights_mention_delta WHERE ${where}) r`;
}

/** Which brands a brand key means, as SQL over `brands b` (for campaigns, tickets and raw exports). */
function brandCondition(brandKey: string, column: string, ps: Params, array = false): string | null {
  if (brandKey === BRAND_KEY_ALL) return null;
  if (brandKey === BRAND_KEY_OWN || brandKey === BRAND_KEY_COMPETITORS) {
    const kind = ps.p(brandKey === BRAND_KEY_OWN ? 'own' : 'competitor');
    return array
      ? `${column} && ARRAY(SELECT id FROM brands WHERE kind = ${kind})`
      : `${column} IN (SELECT id FROM brands WHERE kind = ${kind})`;
  }
  return array ? `${column} @> ARRAY[${ps.p(brandKey)}]::uuid[]` : `${column} = ${ps.p(brandKey)}`;
}

/** `{id, day, n}` rows → id → day → n. */
function groupDaily(rows: { id: string; day: string; n: number }[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) {
    let days = out.get(r.id);
    if (!days) out.set(r.id, (days = new Map<string, number>()));
    days.set(r.day, (days.get(r.day) ?? 0) + Number(r.n));
  }
  return out;
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

function toCounts(row: Record<string, unknown> | undefined): Counts {
  const out = {} as Counts;
  for (const k of COUNT_KEYS) out[k] = num(row?.[k]);
  return out;
}

@Injectable()
export class InsightsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Today in a zone, `YYYY-MM-DD`. */
  async today(tz: string): Promise<string> {
    const [row] = await this.ds.query<{ d: string }[]>(`SELECT to_char(now() AT TIME ZONE $1, 'YYYY-MM-DD') AS d`, [
      tz,
    ]);
    return row!.d;
  }

  /** The instant a local day starts in a zone. */
  async startOfDay(day: string, tz: string): Promise<Date> {
    const [row] = await this.ds.query<{ t: Date }[]>(`SELECT ($1::date)::timestamp AT TIME ZONE $2 AS t`, [day, tz]);
    return row!.t;
  }

  /** The local days an instant range touches, and whether it is exactly those whole days. */
  async localDays(start: Date, end: Date, tz: string): Promise<{ first: string; last: string; aligned: boolean }> {
    const [row] = await this.ds.query<{ first: string; last: string; aligned: boolean }[]>(
      `SELECT to_char($1::timestamptz AT TIME ZONE $3, 'YYYY-MM-DD') AS first,
              to_char(($2::timestamptz - interval '1 microsecond') AT TIME ZONE $3, 'YYYY-MM-DD') AS last,
              date_trunc('day', $1::timestamptz AT TIME ZONE $3) = $1::timestamptz AT TIME ZONE $3
                AND date_trunc('day', $2::timestamptz AT TIME ZONE $3) = $2::timestamptz AT TIME ZONE $3 AS aligned`,
      [start, end, tz],
    );
    return row!;
  }

  async brandExists(id: string): Promise<boolean> {
    const rows = await this.ds.query<unknown[]>(`SELECT 1 FROM brands WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  /** Sums over the range and over the previous period of equal length. */
  async totals(s: Scope): Promise<{ current: Counts; previous: Counts }> {
    const ps = new Params();
    const prevStart = new Date(2 * s.start.getTime() - s.end.getTime());
    const startRef = ps.p(s.start);
    const rows = await this.ds.query<(Record<string, unknown> & { cur: boolean })[]>(
      `SELECT r.bucket >= ${startRef} AS cur, ${SUM_COLUMNS} FROM ${rollupRows(s, ps, prevStart)} GROUP BY 1`,
      ps.values,
    );
    return { current: toCounts(rows.find((r) => r.cur)), previous: toCounts(rows.find((r) => !r.cur)) };
  }

  /** Sums per source kind. */
  async bySource(s: Scope): Promise<(Counts & { sourceKind: string })[]> {
    const ps = new Params();
    const rows = await this.ds.query<(Record<string, unknown> & { sourceKind: string })[]>(
      `SELECT r.source_kind AS "sourceKind", ${SUM_COLUMNS} FROM ${rollupRows(s, ps, s.start, true)}
       GROUP BY 1 ORDER BY 2 DESC, 1`,
      ps.values,
    );
    return rows.map((r) => ({ ...toCounts(r), sourceKind: r.sourceKind }));
  }

  /**
   * A time series with every point (empty ones too). Days and weeks are local calendar periods; hours are
   * instants (a DST change gives a 23- or 25-hour day, each hour once), aligned to the zone's hour.
   */
  async series(s: Scope, interval: Interval, perSource = false): Promise<(SeriesRow & { sourceKind?: string })[]> {
    const ps = new Params();
    const tz = ps.p(s.tz);
    const startRef = ps.p(s.start);
    const endRef = ps.p(s.end);
    const localHourFloor = (x: string) =>
      `(${x} - (extract(minute FROM ${x} AT TIME ZONE ${tz}) * interval '1 minute')
            - (extract(second FROM ${x} AT TIME ZONE ${tz}) * interval '1 second'))`;
    let points: string;
    let key: string;
    if (interval === 'hour') {
      points = `SELECT g AS k, to_char(g AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS label, g AS start,
          g + interval '1 hour' AS "end"
        FROM generate_series(${localHourFloor(`${startRef}::timestamptz`)}, ${endRef}::timestamptz - interval '1 microsecond',
          interval '1 hour') g`;
      key = localHourFloor('r.bucket');
    } else {
      const unit = ps.p(interval);
      points = `SELECT g AS k, to_char(g, 'YYYY-MM-DD') AS label, g AT TIME ZONE ${tz} AS start,
          (g + ('1 ' || ${unit})::interval) AT TIME ZONE ${tz} AS "end"
        FROM generate_series(date_trunc(${unit}, ${startRef}::timestamptz AT TIME ZONE ${tz}),
          (${endRef}::timestamptz - interval '1 microsecond') AT TIME ZONE ${tz}, ('1 ' || ${unit})::interval) g`;
      key = `date_trunc(${unit}, r.bucket AT TIME ZONE ${tz})`;
    }
    const rows = await this.ds.query<(Record<string, unknown> & SeriesRow & { sourceKind?: string })[]>(
      `WITH agg AS (
         SELECT ${key} AS k${perSource ? ', r.source_kind' : ''}, ${SUM_COLUMNS}
         FROM ${rollupRows(s, ps, s.start, perSource)} GROUP BY 1${perSource ? ', 2' : ''}
       ), pts AS (${points})
       SELECT pts.label, pts.start, pts."end"${perSource ? ', agg.source_kind AS "sourceKind"' : ''},
         ${COUNT_KEYS.map((k) => `agg."${k}"`).join(', ')}
       FROM pts LEFT JOIN agg ON agg.k = pts.k ORDER BY pts.start`,
      ps.values,
    );
    return rows.map((r) => ({
      ...toCounts(r),
      label: r.label,
      start: new Date(r.start),
      end: new Date(r.end),
      ...(perSource && r.sourceKind ? { sourceKind: r.sourceKind } : {}),
    }));
  }

  /** Mentions per local ISO weekday and hour. */
  async heatmap(s: Scope): Promise<{ weekday: number; hour: number; mentions: number; negative: number }[]> {
    const ps = new Params();
    const tz = ps.p(s.tz);
    return (
      await this.ds.query<{ weekday: number; hour: number; mentions: string; negative: string }[]>(
        `SELECT extract(isodow FROM r.bucket AT TIME ZONE ${tz})::int AS weekday,
           extract(hour FROM r.bucket AT TIME ZONE ${tz})::int AS hour, sum(r.n) AS mentions, sum(r.negative) AS negative
         FROM ${rollupRows(s, ps)} GROUP BY 1, 2`,
        ps.values,
      )
    ).map((r) => ({ weekday: r.weekday, hour: r.hour, mentions: num(r.mentions), negative: num(r.negative) }));
  }

  /**
   * Distinct authors over local days: the k smallest author hashes of each day (index-only), merged. Fewer than
   * k distinct hashes overall means every day was read whole: the count is exact. Otherwise the k-th smallest
   * hash estimates the count (k-minimum values: (k − 1) / h_k).
   */
  async uniqueAuthors(
    brandKey: string,
    firstDay: string,
    lastDay: string,
    sourceKind: string | undefined,
  ): Promise<{ count: number; approximate: boolean }> {
    const ps = new Params();
    const [row] = await this.ds.query<{ n: number; hk: string | null }[]>(
      `WITH cand AS (
         SELECT x.h FROM generate_series(${ps.p(firstDay)}::date, ${ps.p(lastDay)}::date, interval '1 day') AS d(day)
         CROSS JOIN LATERAL (
           SELECT a.h FROM insights_author_days a
           WHERE a.brand_key = ${ps.p(brandKey)} AND a.day = d.day::date AND a.n > 0
             ${sourceKind ? `AND a.source_kind = ${ps.p(sourceKind)}` : ''}
           ORDER BY a.h LIMIT ${SKETCH_K}) x
       ), kmin AS (SELECT DISTINCT h FROM cand ORDER BY h LIMIT ${SKETCH_K})
       SELECT count(*)::int AS n, max(h)::text AS hk FROM kmin`,
      ps.values,
    );
    const n = row?.n ?? 0;
    if (n < SKETCH_K || !row?.hk) return { count: n, approximate: false };
    return { count: Math.round(((SKETCH_K - 1) * HASH_SPACE) / (Number(row.hk) + 1)), approximate: true };
  }

  /** Authors whose first mention under this key falls on these local days. */
  async newAuthors(brandKey: string, firstDay: string, lastDay: string, sourceKind: string | undefined) {
    const ps = new Params();
    const [row] = await this.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM insights_author_first
       WHERE brand_key = ${ps.p(brandKey)} AND first_day BETWEEN ${ps.p(firstDay)}::date AND ${ps.p(lastDay)}::date
         ${sourceKind ? `AND source_kind = ${ps.p(sourceKind)}` : ''}`,
      ps.values,
    );
    return row?.n ?? 0;
  }

  /**
   * The most influential authors with a mention in the range: the influencer index read in influence order (an
   * author first appears at their highest influence), growing the prefix until it holds `limit` distinct
   * authors; then their counts in the range from the primary key.
   */
  async influencers(
    brandKey: string,
    firstDay: string,
    lastDay: string,
    sourceKind: string | undefined,
    limit: number,
  ) {
    let top: { authorId: string; influence: number }[];
    for (let scan = 4000; ; scan *= 8) {
      const ps = new Params();
      const rows = await this.ds.query<{ authorId: string; influence: number; seen: number }[]>(
        `WITH prefix AS (
           SELECT d.author_id, d.influence FROM insights_author_days d
           WHERE d.brand_key = ${ps.p(brandKey)} AND d.influence >= ${INFLUENCER_MIN}
             AND d.day BETWEEN ${ps.p(firstDay)}::date AND ${ps.p(lastDay)}::date AND d.n > 0
             ${sourceKind ? `AND d.source_kind = ${ps.p(sourceKind)}` : ''}
           ORDER BY d.influence DESC, d.author_id LIMIT ${ps.p(scan)}
         )
         SELECT author_id AS "authorId", max(influence)::int AS influence, (SELECT count(*) FROM prefix)::int AS seen
         FROM prefix GROUP BY author_id ORDER BY max(influence) DESC, author_id LIMIT ${ps.p(limit)}`,
        ps.values,
      );
      top = rows;
      if (rows.length >= limit || (rows[0]?.seen ?? 0) < scan) break;
    }
    if (!top.length) return [];
    const ps = new Params();
    const rows = await this.ds.query<
      {
        authorId: string;
        handle: string;
        displayName: string | null;
        profileUrl: string | null;
        sourceKind: string;
        followers: number;
        influence: number;
        mentions: string;
        positive: string;
        negative: string;
        engagement: string;
      }[]
    >(
      `WITH counts AS (
         SELECT d.author_id, sum(d.n) AS mentions, sum(d.positive) AS positive, sum(d.negative) AS negative,
           sum(d.engagement) AS engagement
         FROM insights_author_days d
         WHERE d.brand_key = ${ps.p(brandKey)} AND d.author_id = ANY(${ps.p(top.map((t) => t.authorId))}::uuid[])
           AND d.day BETWEEN ${ps.p(firstDay)}::date AND ${ps.p(lastDay)}::date
           ${sourceKind ? `AND d.source_kind = ${ps.p(sourceKind)}` : ''}
         GROUP BY d.author_id
       )
       SELECT a.id AS "authorId", a.handle, a.display_name AS "displayName", a.profile_url AS "profileUrl",
         a.source_kind AS "sourceKind", a.followers, a.influence, counts.mentions, counts.positive, counts.negative,
         counts.engagement
       FROM counts JOIN authors a ON a.id = counts.author_id`,
      ps.values,
    );
    const byId = new Map(rows.map((r) => [r.authorId, r]));
    const daily = await this.authorDaily(
      brandKey,
      top.map((t) => t.authorId),
      firstDay,
      lastDay,
      sourceKind,
    );
    return top.flatMap((t) => {
      const r = byId.get(t.authorId);
      return r
        ? [
            {
              ...r,
              mentions: num(r.mentions),
              positive: num(r.positive),
              negative: num(r.negative),
              engagement: num(r.engagement),
              daily: daily.get(t.authorId) ?? new Map<string, number>(),
            },
          ]
        : [];
    });
  }

  /** Mentions per author and local day (the author-days primary key, one index range per author). */
  private async authorDaily(
    brandKey: string,
    authorIds: string[],
    firstDay: string,
    lastDay: string,
    sourceKind: string | undefined,
  ): Promise<Map<string, Map<string, number>>> {
    const ps = new Params();
    const rows = await this.ds.query<{ id: string; day: string; n: number }[]>(
      `SELECT d.author_id AS id, to_char(d.day, 'YYYY-MM-DD') AS day, sum(d.n)::int AS n
       FROM insights_author_days d
       WHERE d.brand_key = ${ps.p(brandKey)} AND d.author_id = ANY(${ps.p(authorIds)}::uuid[])
         AND d.day BETWEEN ${ps.p(firstDay)}::date AND ${ps.p(lastDay)}::date
         ${sourceKind ? `AND d.source_kind = ${ps.p(sourceKind)}` : ''}
       GROUP BY 1, 2`,
      ps.values,
    );
    return groupDaily(rows);
  }

  /**
   * Campaign rows of a range as the relation `${alias}` (campaign_id, day, counts): the daily table for whole local
   * days, the 15-minute rollup for the parts of days at the ends, and every unfolded delta of the range.
   */
  private async campaignRows(s: Scope, ps: Params, alias: string, campaignIds?: string[]): Promise<string> {
    const parts = await this.dayParts(s);
    const cols = 'n, positive, neutral, negative, engagement, reach';
    const filters = (more: string[]) => {
      if (campaignIds) more.push(`campaign_id = ANY(${ps.p(campaignIds)}::uuid[])`);
      if (s.sourceKind) more.push(`source_kind = ${ps.p(s.sourceKind)}`);
      return more.join(' AND ');
    };
    const tz = ps.p(s.tz);
    const inBuckets = (ranges: [Date, Date][]) =>
      `(${ranges.map(([a, b]) => `(bucket >= ${ps.p(a)} AND bucket < ${ps.p(b)})`).join(' OR ')})`;
    const branches = [
      `SELECT campaign_id, (bucket AT TIME ZONE ${tz})::date AS day, ${cols} FROM insights_campaign_delta
       WHERE ${filters([inBuckets([[s.start, s.end]])])}`,
    ];
    if (parts.days)
      branches.push(
        `SELECT campaign_id, day, ${cols} FROM insights_campaign_daily
         WHERE ${filters([`day >= ${ps.p(parts.days[0])}::date`, `day < ${ps.p(parts.days[1])}::date`])}`,
      );
    if (parts.edges.length)
      branches.push(
        `SELECT campaign_id, (bucket AT TIME ZONE ${tz})::date AS day, ${cols} FROM insights_campaign_rollup
         WHERE ${filters([inBuckets(parts.edges)])}`,
      );
    return `(${branches.join(' UNION ALL ')}) ${alias}`;
  }

  /** Mentions per campaign and local day of the range. */
  async campaignDaily(s: Scope, campaignIds: string[]): Promise<Map<string, Map<string, number>>> {
    if (!campaignIds.length) return new Map();
    const ps = new Params();
    const rows = await this.ds.query<{ id: string; day: string; n: number }[]>(
      `SELECT r.campaign_id AS id, r.day::text AS day, sum(r.n)::int AS n
       FROM ${await this.campaignRows(s, ps, 'r', campaignIds)} GROUP BY 1, 2`,
      ps.values,
    );
    return groupDaily(rows);
  }

  /** Per campaign (of the brand key's brands), with the previous period's total of them all. */
  async campaigns(s: Scope) {
    const ps = new Params();
    const prev: Scope = { ...s, start: new Date(2 * s.start.getTime() - s.end.getTime()), end: s.start };
    const brand = brandCondition(s.brandKey, 'c.brand_id', ps);
    const cur = (col: string) => `coalesce(sum(r.${col}) FILTER (WHERE r.cur), 0)::float8`;
    const cols = 'campaign_id, n, positive, neutral, negative, engagement, reach';
    const [current, previous] = [await this.campaignRows(s, ps, 'x'), await this.campaignRows(prev, ps, 'y')];
    return (
      await this.ds.query<Record<string, unknown>[]>(
        `SELECT c.id AS "campaignId", c.name, c.brand_id AS "brandId", ${cur('n')} AS mentions, ${cur('reach')} AS reach,
           ${cur('engagement')} AS engagement, ${cur('positive')} AS positive, ${cur('neutral')} AS neutral,
           ${cur('negative')} AS negative,
           coalesce(sum(r.n) FILTER (WHERE NOT r.cur), 0)::float8 AS previous
         FROM campaigns c LEFT JOIN (
           SELECT true AS cur, ${cols} FROM ${current} UNION ALL SELECT false, ${cols} FROM ${previous}
         ) r ON r.campaign_id = c.id
         ${brand ? `WHERE ${brand}` : ''}
         GROUP BY c.id ORDER BY 4 DESC, c.name`,
        ps.values,
      )
    ).map((r) => ({
      campaignId: String(r.campaignId),
      name: String(r.name),
      brandId: (r.brandId as string | null) ?? null,
      mentions: num(r.mentions),
      reach: num(r.reach),
      engagement: num(r.engagement),
      positive: num(r.positive),
      neutral: num(r.neutral),
      negative: num(r.negative),
      previous: num(r.previous),
    }));
  }

  /** Per brand (each brand's own key) and the two group keys, over the range and the previous period. */
  async shareOfVoice(s: Omit<Scope, 'brandKey'>) {
    const ps = new Params();
    const prevStart = new Date(2 * s.start.getTime() - s.end.getTime());
    const where = `bucket >= ${ps.p(prevStart)} AND bucket < ${ps.p(s.end)} AND source_kind = ${ps.p(
      s.sourceKind ?? ALL_KINDS,
    )}`;
    const startRef = ps.p(s.start);
    const cols = 'brand_key, bucket, n, positive, neutral, negative';
    const keys = `(SELECT id FROM brands UNION ALL SELECT ${ps.p(BRAND_KEY_OWN)}::uuid UNION ALL SELECT ${ps.p(
      BRAND_KEY_COMPETITORS,
    )}::uuid)`;
    const cur = (col: string) => `coalesce(sum(r.${col}) FILTER (WHERE r.bucket >= ${startRef}), 0)::float8`;
    return (
      await this.ds.query<Record<string, unknown>[]>(
        `SELECT r.brand_key AS "brandKey", ${cur('n')} AS mentions, ${cur('positive')} AS positive,
           ${cur('neutral')} AS neutral, ${cur('negative')} AS negative,
           coalesce(sum(r.n) FILTER (WHERE r.bucket < ${startRef}), 0)::float8 AS previous
         FROM (SELECT ${cols} FROM insights_mention_rollup WHERE brand_key IN ${keys} AND ${where}
               UNION ALL SELECT ${cols} FROM insights_mention_delta WHERE brand_key IN ${keys} AND ${where}) r
         GROUP BY 1`,
        ps.values,
      )
    ).map((r) => ({
      brandKey: String(r.brandKey),
      mentions: num(r.mentions),
      positive: num(r.positive),
      neutral: num(r.neutral),
      negative: num(r.negative),
      previous: num(r.previous),
    }));
  }

  /** The most used terms over local days (term rollup + unfolded deltas), most mentions first, ties by term. */
  async topics(
    brandKey: string,
    firstDay: string,
    lastDay: string,
    sourceKind: string | undefined,
    limit: number,
  ): Promise<{ term: string; mentions: number; positive: number; neutral: number; negative: number }[]> {
    const ps = new Params();
    const where = `brand_key = ${ps.p(brandKey)} AND source_kind = ${ps.p(sourceKind ?? ALL_KINDS)}
      AND day BETWEEN ${ps.p(firstDay)}::date AND ${ps.p(lastDay)}::date`;
    const cols = 'term, n, positive, neutral, negative';
    const rows = await this.ds.query<Record<string, unknown>[]>(
      `SELECT r.term, sum(r.n) AS mentions, sum(r.positive) AS positive, sum(r.neutral) AS neutral,
         sum(r.negative) AS negative
       FROM (SELECT ${cols} FROM insights_term_rollup WHERE ${where}
             UNION ALL SELECT ${cols} FROM insights_term_delta WHERE ${where}) r
       GROUP BY r.term HAVING sum(r.n) > 0
       ORDER BY 2 DESC, r.term COLLATE "C" LIMIT ${ps.p(limit)}`,
      ps.values,
    );
    return rows.map((r) => ({
      term: String(r.term),
      mentions: num(r.mentions),
      positive: num(r.positive),
      neutral: num(r.neutral),
      negative: num(r.negative),
    }));
  }

  async brands(): Promise<{ id: string; name: string; kind: 'own' | 'competitor' }[]> {
    return this.ds.query(`SELECT id, name, kind FROM brands ORDER BY name`);
  }

  /**
   * A range as the whole workspace-local days `[d0, d1)` the daily rollups answer for, and the instants outside
   * them (a range that does not start or end at local midnight) that the finer tables answer for.
   */
  private async dayParts(s: Scope): Promise<DayParts> {
    const [row] = await this.ds.query<{ d0: string; d1: string; t0: Date; t1: Date }[]>(
      `SELECT b.d0::text AS d0, b.d1::text AS d1, b.d0::timestamp AT TIME ZONE $3 AS t0, b.d1::timestamp AT TIME ZONE $3 AS t1
       FROM (SELECT CASE WHEN a.ds::timestamp AT TIME ZONE $3 < $1::timestamptz THEN a.ds + 1 ELSE a.ds END AS d0, a.de AS d1
             FROM (SELECT ($1::timestamptz AT TIME ZONE $3)::date AS ds, ($2::timestamptz AT TIME ZONE $3)::date AS de) a) b`,
      [s.start, s.end, s.tz],
    );
    const { d0, d1, t0, t1 } = row!;
    if (d0 >= d1) return { days: null, edges: [[s.start, s.end]] };
    const edges: [Date, Date][] = [
      [s.start, t0],
      [t1, s.end],
    ];
    return { days: [d0, d1], edges: edges.filter(([a, b]) => a < b) };
  }

  /**
   * Rows of the care rollups (folded + deltas) for the whole days of `parts`, and of the facts for its edges, as
   * `UNION ALL` branches: `rollup(table)` selects the rollup columns, `fact` the same columns from facts `f`.
   */
  private careUnion(
    s: Scope,
    parts: DayParts,
    ps: Params,
    tables: [string, string],
    rollupCols: string,
    factCols: string,
    factFrom = 'insights_ticket_facts f',
  ): string {
    const branches: string[] = [];
    if (parts.days) {
      const where = [`r.day >= ${ps.p(parts.days[0])}::date`, `r.day < ${ps.p(parts.days[1])}::date`];
      const brand = brandCondition(s.brandKey, 'r.brand_id', ps);
      if (brand) where.push(brand);
      if (s.sourceKind) where.push(`r.source_kind = ${ps.p(s.sourceKind)}`);
      for (const table of tables) branches.push(`SELECT ${rollupCols} FROM ${table} r WHERE ${where.join(' AND ')}`);
    }
    if (parts.edges.length) {
      const where = [
        `(${parts.edges.map(([a, b]) => `(f.created_at >= ${ps.p(a)} AND f.created_at < ${ps.p(b)})`).join(' OR ')})`,
      ];
      const brand = brandCondition(s.brandKey, 'f.brand_id', ps);
      if (brand) where.push(brand);
      if (s.sourceKind) where.push(`f.source_kind = ${ps.p(s.sourceKind)}`);
      branches.push(`SELECT ${factCols} FROM ${factFrom} WHERE ${where.join(' AND ')}`);
    }
    return branches.join(' UNION ALL ');
  }

  /** Exact care counts per team × current assignee over tickets created in the range, from the daily rollups. */
  async careCounts(s: Scope): Promise<CareCounts[]> {
    const parts = await this.dayParts(s);
    const ps = new Params();
    const union = this.careUnion(
      s,
      parts,
      ps,
      ['insights_care_daily', 'insights_care_delta'],
      'r.team_id, r.assignee_id, r.tickets, r.fr_count, r.res_count, r.hits, r.misses, r.reopened',
      `f.team_id, coalesce(f.assignee_id, '${NIL_UUID}'::uuid), 1, (f.first_response_min IS NOT NULL)::int,
       (f.resolution_min IS NOT NULL)::int, (f.sla_hit IS TRUE)::int, (f.sla_hit IS FALSE)::int, f.reopened`,
    );
    return this.ds.query<CareCounts[]>(
      `SELECT u.team_id AS "teamId", nullif(u.assignee_id, '${NIL_UUID}'::uuid) AS "assigneeId",
         sum(u.tickets)::int AS tickets, sum(u.fr_count)::int AS "frCount", sum(u.res_count)::int AS "resCount",
         sum(u.hits)::int AS hits, sum(u.misses)::int AS misses, sum(u.reopened)::int AS reopened
       FROM (${union}) u (team_id, assignee_id, tickets, fr_count, res_count, hits, misses, reopened)
       GROUP BY 1, 2 HAVING sum(u.tickets) > 0`,
      ps.values,
    );
  }

  /**
   * Median and p90 per scope (total, team, current assignee) over tickets created in the range. Counts are exact
   * (`careCounts`, summed here). Percentiles are exact up to `CARE_EXACT_MAX` tickets; above, they come from a
   * random sample of about that many (the first k of the 64 id strata, index range).
   */
  async care(s: Scope, perAgent: boolean): Promise<{ rows: CareRow[]; approximate: boolean }> {
    const filter = (ps: Params) => {
      const where = [`f.created_at >= ${ps.p(s.start)}`, `f.created_at < ${ps.p(s.end)}`];
      const brand = brandCondition(s.brandKey, 'f.brand_id', ps);
      if (brand) where.push(brand);
      if (s.sourceKind) where.push(`f.source_kind = ${ps.p(s.sourceKind)}`);
      return where;
    };
    const counts = await this.careCounts(s);
    const total = counts.reduce((n, c) => n + c.tickets, 0);
    if (total === 0) return { rows: [], approximate: false };
    const strata = total <= CARE_EXACT_MAX ? SAMPLE_STRATA : Math.ceil((SAMPLE_STRATA * CARE_EXACT_MAX) / total);

    const ps = new Params();
    const where = filter(ps);
    if (strata < SAMPLE_STRATA) where.push(`f.sample < ${ps.p(strata)}`);
    // The durations per team × assignee, packed; the percentiles are taken in the app (care-percentiles.ts):
    // a hash aggregate here instead of twelve ordered-set sorts per group.
    const pack = (col: string) => `string_agg(float8send(f.${col}), ''::bytea) AS ${col}`;
    const groups = (
      await this.ds.query<(Record<'teamId' | 'assigneeId', string | null> & Record<DurationColumn, Buffer | null>)[]>(
        `SELECT f.team_id AS "teamId", f.assignee_id AS "assigneeId", ${DURATION_COLUMNS.map(pack).join(', ')}
         FROM insights_ticket_facts f WHERE ${where.join(' AND ')} GROUP BY 1, 2`,
        ps.values,
      )
    ).map((g) => ({
      teamId: g.teamId,
      assigneeId: g.assigneeId,
      values: DURATION_COLUMNS.map((c) => unpackFloat8(g[c])),
    }));
    const percentiles = (of: typeof groups) => {
      const [fr, frb, res, resb] = DURATION_COLUMNS.map((_, i) => medianAndP90(of.map((g) => g.values[i]!)));
      return { fr: fr ?? null, frb: frb ?? null, res: res ?? null, resb: resb ?? null };
    };
    const sum = (rows: typeof counts) => ({
      tickets: rows.reduce((n, c) => n + c.tickets, 0),
      frCount: rows.reduce((n, c) => n + c.frCount, 0),
      resCount: rows.reduce((n, c) => n + c.resCount, 0),
      hits: rows.reduce((n, c) => n + c.hits, 0),
      misses: rows.reduce((n, c) => n + c.misses, 0),
      reopened: rows.reduce((n, c) => n + c.reopened, 0),
    });
    const row = (scope: CareRow['scope'], teamId: string | null, assigneeId: string | null, of: typeof counts) => ({
      ...sum(of),
      teamId,
      assigneeId,
      scope,
      name: null,
      ...percentiles(
        groups.filter((g) =>
          scope === 'total' ? true : scope === 'team' ? g.teamId === teamId : g.assigneeId === assigneeId,
        ),
      ),
    });
    const teamIds = [...new Set(counts.map((c) => c.teamId))];
    const userIds = perAgent ? [...new Set(counts.flatMap((c) => (c.assigneeId ? [c.assigneeId] : [])))] : [];
    const [teamNames, userNames] = await Promise.all([
      this.names('teams', teamIds),
      userIds.length ? this.names('users', userIds) : new Map<string, string>(),
    ]);
    const rows: CareRow[] = [row('total', null, null, counts)];
    for (const id of teamIds) {
      rows.push({
        ...row(
          'team',
          id,
          null,
          counts.filter((c) => c.teamId === id),
        ),
        name: teamNames.get(id) ?? null,
      });
    }
    for (const id of userIds) {
      rows.push({
        ...row(
          'agent',
          null,
          id,
          counts.filter((c) => c.assigneeId === id),
        ),
        name: userNames.get(id) ?? null,
      });
    }
    return { rows, approximate: strata < SAMPLE_STRATA };
  }

  private async names(table: 'teams' | 'users', ids: string[]): Promise<Map<string, string>> {
    const rows = await this.ds.query<{ id: string; name: string }[]>(
      `SELECT id, name FROM ${table} WHERE id = ANY($1)`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async ticketCount(s: Scope): Promise<number> {
    return (await this.careCounts(s)).reduce((n, c) => n + c.tickets, 0);
  }

  /** Tickets per outcome tag (tags of kind outcome on tickets created in the range), from the daily rollups. */
  async outcomes(s: Scope): Promise<{ tagId: string; name: string; tickets: number }[]> {
    const parts = await this.dayParts(s);
    const ps = new Params();
    const union = this.careUnion(
      s,
      parts,
      ps,
      ['insights_outcome_daily', 'insights_outcome_delta'],
      'r.tag_id, r.tickets',
      'o.tag_id, 1',
      'insights_ticket_facts f CROSS JOIN LATERAL unnest(f.outcome_tag_ids) AS o(tag_id)',
    );
    return this.ds.query(
      `SELECT g.id AS "tagId", g.name, sum(u.tickets)::int AS tickets
       FROM (${union}) u (tag_id, tickets) JOIN tags g ON g.id = u.tag_id
       WHERE g.kind = 'outcome' GROUP BY g.id, g.name HAVING sum(u.tickets) > 0 ORDER BY 3 DESC, 2`,
      ps.values,
    );
  }

  /** One keyset page of the mentions behind an insight, oldest first (the export streams these pages). */
  async rawMentions(
    s: Scope,
    filter: RawMentionFilter,
    after: { postedAt: Date; id: string } | null,
    limit: number,
  ): Promise<RawMention[]> {
    const ps = new Params();
    const where = ['NOT m.is_spam', `m.posted_at >= ${ps.p(s.start)}`, `m.posted_at < ${ps.p(s.end)}`];
    const brand = brandCondition(s.brandKey, 'm.brand_ids', ps, true);
    if (brand) where.push(brand);
    if (s.sourceKind) where.push(`m.source_kind = ${ps.p(s.sourceKind)}`);
    if (filter.type) where.push(`m.type = ${ps.p(filter.type)}`);
    if (filter.withCampaign) where.push(`m.campaign_ids <> '{}'`);
    if (filter.minInfluence !== undefined) where.push(`a.influence >= ${ps.p(filter.minInfluence)}`);
    if (after) where.push(`(m.posted_at, m.id) > (${ps.p(after.postedAt)}::timestamptz, ${ps.p(after.id)}::uuid)`);
    return this.ds.query(
      `SELECT m.id, m.posted_at AS "postedAt", m.source_kind AS "sourceKind", a.handle AS "authorHandle", m.type,
         m.sentiment_label AS "sentimentLabel", m.likes, m.reposts, m.replies, m.brand_ids AS "brandIds",
         m.campaign_ids AS "campaignIds", m.ticket_id AS "ticketId", m.url, m.text
       FROM mentions m JOIN authors a ON a.id = m.author_id
       WHERE ${where.join(' AND ')}
       ORDER BY m.posted_at, m.id LIMIT ${ps.p(limit)}`,
      ps.values,
    );
  }

  /** One keyset page of the tickets behind the care insight, oldest first. */
  async rawTickets(s: Scope, after: { createdAt: Date; id: string } | null, limit: number): Promise<RawTicket[]> {
    const ps = new Params();
    const where = [`f.created_at >= ${ps.p(s.start)}`, `f.created_at < ${ps.p(s.end)}`];
    const brand = brandCondition(s.brandKey, 'f.brand_id', ps);
    if (brand) where.push(brand);
    if (s.sourceKind) where.push(`f.source_kind = ${ps.p(s.sourceKind)}`);
    if (after)
      where.push(`(f.created_at, f.ticket_id) > (${ps.p(after.createdAt)}::timestamptz, ${ps.p(after.id)}::uuid)`);
    return this.ds.query(
      `SELECT t.id, t.number, f.created_at AS "createdAt", t.status, t.priority, tm.name AS "teamName",
         u.name AS "assigneeName", f.source_kind AS "sourceKind", f.first_response_min AS "firstResponseMin",
         f.first_response_bmin AS "firstResponseBusinessMin", f.resolution_min AS "resolutionMin",
         f.resolution_bmin AS "resolutionBusinessMin", f.sla_hit AS "slaHit", f.reopened, t.subject
       FROM insights_ticket_facts f JOIN tickets t ON t.id = f.ticket_id JOIN teams tm ON tm.id = t.team_id
         LEFT JOIN users u ON u.id = t.assignee_id
       WHERE ${where.join(' AND ')}
       ORDER BY f.created_at, f.ticket_id LIMIT ${ps.p(limit)}`,
      ps.values,
    );
  }

  /** Moves the triggers' delta rows into the rollups; returns how many rollup rows changed. */
  async fold(): Promise<number> {
    const [row] = await this.ds.query<{ n: number }[]>(`SELECT insights_fold() + insights_care_fold() AS n`);
    return row?.n ?? 0;
  }
}
