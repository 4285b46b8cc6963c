import {
  MENTION_TYPES,
  type AuthorsInsight,
  type CampaignsInsight,
  type CareInsight,
  type CareMetrics,
  type DurationStats,
  type HeatmapInsight,
  type InfluencersInsight,
  type InsightsQuery,
  type InsightSummary,
  type PurchaseIntentInsight,
  type SentimentInsight,
  type ShareOfVoiceInsight,
  type TopicsInsight,
  type TypesInsight,
  type VolumeInsight,
} from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import { ValidationException } from '../../common/app.exception.js';
import { isDay } from '../../common/dates.js';
import { isManager, type Principal } from '../../common/principal.js';
import { SettingsService } from '../settings/settings.service.js';
import {
  BRAND_KEY_ALL,
  BRAND_KEY_COMPETITORS,
  BRAND_KEY_OWN,
  InsightsRepository,
  INFLUENCER_MIN,
  type CareRow,
  type Interval,
  type Scope,
} from './insights.repository.js';

const DAY_MS = 86_400_000;
const BUCKET_MS = 15 * 60_000;
/** The longest range an insight reads (two years and a day: a year against the previous one). */
const MAX_RANGE_MS = 732 * DAY_MS;
const MAX_HOURLY_MS = 31 * DAY_MS;
const DEFAULT_DAYS = 30;
const INFLUENCER_LIMIT = 20;
const TOPIC_LIMIT = 20;

/** A resolved request: the rollup scope plus what the response frame echoes. */
export interface ResolvedQuery {
  scope: Scope;
  interval: Interval;
  frame: {
    from: string;
    to: string;
    timezone: string;
    brandId: InsightsQuery['brandId'];
    sourceKind?: InsightsQuery['sourceKind'];
    start: string;
    end: string;
  };
  /** The local days the range covers (author tables are per local day) and whether it is exactly those days. */
  days: { first: string; last: string; aligned: boolean };
}

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** Every local day from `first` to `last` (`YYYY-MM-DD`, both inclusive), oldest first. */
function daysOf(first: string, last: string): string[] {
  const out: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) out.push(d);
  return out;
}

const summary = (metric: string, value: number, previous: number): InsightSummary => ({
  metric,
  value,
  previous,
  change: round(value - previous),
  changePercent: previous === 0 ? null : round(((value - previous) / previous) * 100),
});

const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;
const share = (part: number, whole: number) => (whole === 0 ? 0 : round(part / whole, 4));
const netSentiment = (c: { n: number; positive: number; negative: number }) =>
  c.n === 0 ? 0 : round(((c.positive - c.negative) / c.n) * 100, 1);

function durations(count: number, wall: number[] | null, business: number[] | null): DurationStats {
  const at = (a: number[] | null, i: number) => (a?.[i] === undefined || a[i] === null ? null : round(a[i]));
  return {
    count,
    median: at(wall, 0),
    p90: at(wall, 1),
    medianBusiness: at(business, 0),
    p90Business: at(business, 1),
  };
}

function careMetrics(r: CareRow): CareMetrics {
  return {
    tickets: r.tickets,
    firstResponse: durations(r.frCount, r.fr, r.frb),
    resolution: durations(r.resCount, r.res, r.resb),
    slaHitRate: r.hits + r.misses === 0 ? null : round(r.hits / (r.hits + r.misses), 4),
    slaHits: r.hits,
    slaMisses: r.misses,
    reopened: r.reopened,
  };
}

const EMPTY_CARE: CareRow = {
  teamId: null,
  assigneeId: null,
  scope: 'total',
  name: null,
  tickets: 0,
  fr: null,
  frb: null,
  res: null,
  resb: null,
  frCount: 0,
  resCount: 0,
  hits: 0,
  misses: 0,
  reopened: 0,
};

/**
 * Insights (SPEC §8): each answer reads the rollups the InsightsRollups migration keeps, never the mentions.
 * Roles are checked by the controller (marketing, managers, admins); the per-agent care breakdown here.
 */
@Injectable()
export class InsightsService {
  constructor(
    private readonly repo: InsightsRepository,
    private readonly settings: SettingsService,
  ) {}

  /** Turns the query into instants in the workspace time zone; 400 naming the field for what cannot be read. */
  async resolve(q: InsightsQuery): Promise<ResolvedQuery> {
    const tz = (await this.settings.get()).timezone;
    const today = await this.repo.today(tz);
    const from = q.from ?? addDays(today, 1 - DEFAULT_DAYS);
    const to = q.to ?? today;
    const start = isDay(from) ? await this.repo.startOfDay(from, tz) : new Date(from);
    const end = isDay(to) ? await this.repo.startOfDay(addDays(to, 1), tz) : new Date(to);
    // Rollups hold 15-minute buckets: an instant inside one reads from the bucket's start.
    const s = new Date(Math.floor(start.getTime() / BUCKET_MS) * BUCKET_MS);
    const e = new Date(Math.floor(end.getTime() / BUCKET_MS) * BUCKET_MS);
    if (e <= s) throw new ValidationException([{ path: 'to', message: 'must not be before from' }]);
    if (e.getTime() - s.getTime() > MAX_RANGE_MS) {
      throw new ValidationException([{ path: 'to', message: 'the range may span at most 732 days' }]);
    }
    const interval = q.interval ?? (e.getTime() - s.getTime() <= 2 * DAY_MS ? 'hour' : 'day');
    if (interval === 'hour' && e.getTime() - s.getTime() > MAX_HOURLY_MS) {
      throw new ValidationException([{ path: 'interval', message: 'hour is for ranges of up to 31 days' }]);
    }
    let brandKey = BRAND_KEY_ALL;
    if (q.brandId === 'own') brandKey = BRAND_KEY_OWN;
    else if (q.brandId === 'competitors') brandKey = BRAND_KEY_COMPETITORS;
    else if (q.brandId !== 'all') {
      if (!(await this.repo.brandExists(q.brandId))) {
        throw new ValidationException([{ path: 'brandId', message: 'no such brand' }]);
      }
      brandKey = q.brandId;
    }
    const days = await this.repo.localDays(s, e, tz);
    return {
      scope: { brandKey, start: s, end: e, sourceKind: q.sourceKind, tz },
      interval,
      frame: {
        from,
        to,
        timezone: tz,
        brandId: q.brandId,
        ...(q.sourceKind ? { sourceKind: q.sourceKind } : {}),
        start: s.toISOString(),
        end: e.toISOString(),
      },
      days,
    };
  }

  async volume(q: InsightsQuery): Promise<VolumeInsight> {
    const r = await this.resolve(q);
    const [totals, points, bySource] = await Promise.all([
      this.repo.totals(r.scope),
      this.repo.series(r.scope, r.interval, true),
      this.repo.bySource(r.scope),
    ]);
    const series = new Map<string, VolumeInsight['series'][number]>();
    for (const p of points) {
      let point = series.get(p.label);
      if (!point) {
        point = { label: p.label, start: p.start.toISOString(), end: p.end.toISOString(), mentions: 0, bySource: {} };
        series.set(p.label, point);
      }
      if (p.sourceKind) {
        point.mentions += p.n;
        point.bySource[p.sourceKind] = (point.bySource[p.sourceKind] ?? 0) + p.n;
      }
    }
    return {
      ...r.frame,
      summary: summary('mentions', totals.current.n, totals.previous.n),
      interval: r.interval,
      series: [...series.values()],
      bySource: bySource.map((b) => ({ sourceKind: b.sourceKind, mentions: b.n })),
    };
  }

  async types(q: InsightsQuery): Promise<TypesInsight> {
    const r = await this.resolve(q);
    const { current, previous } = await this.repo.totals(r.scope);
    const items = MENTION_TYPES.map((type) => ({
      type,
      mentions: current[type],
      share: share(current[type], current.n),
    }));
    return {
      ...r.frame,
      summary: summary('mentions', current.n, previous.n),
      items: items.sort((a, b) => b.mentions - a.mentions),
    };
  }

  async sentiment(q: InsightsQuery): Promise<SentimentInsight> {
    const r = await this.resolve(q);
    const [{ current, previous }, points] = await Promise.all([
      this.repo.totals(r.scope),
      this.repo.series(r.scope, r.interval),
    ]);
    return {
      ...r.frame,
      summary: summary('netSentiment', netSentiment(current), netSentiment(previous)),
      interval: r.interval,
      totals: {
        mentions: current.n,
        positive: current.positive,
        neutral: current.neutral,
        negative: current.negative,
        netSentiment: netSentiment(current),
      },
      series: points.map((p) => ({
        label: p.label,
        start: p.start.toISOString(),
        end: p.end.toISOString(),
        mentions: p.n,
        positive: p.positive,
        neutral: p.neutral,
        negative: p.negative,
      })),
    };
  }

  async heatmap(q: InsightsQuery): Promise<HeatmapInsight> {
    const r = await this.resolve(q);
    const [{ current, previous }, rows] = await Promise.all([this.repo.totals(r.scope), this.repo.heatmap(r.scope)]);
    const byCell = new Map(rows.map((c) => [c.weekday * 100 + c.hour, c]));
    const cells: HeatmapInsight['cells'] = [];
    for (let weekday = 1; weekday <= 7; weekday++) {
      for (let hour = 0; hour < 24; hour++) {
        const c = byCell.get(weekday * 100 + hour);
        cells.push({ weekday, hour, mentions: c?.mentions ?? 0, negative: c?.negative ?? 0 });
      }
    }
    return { ...r.frame, summary: summary('mentions', current.n, previous.n), cells };
  }

  async authors(q: InsightsQuery): Promise<AuthorsInsight> {
    const r = await this.resolve(q);
    const { brandKey, sourceKind, start, end, tz } = r.scope;
    const prev = await this.repo.localDays(new Date(2 * start.getTime() - end.getTime()), start, tz);
    const [totals, unique, previousUnique, fresh] = await Promise.all([
      this.repo.totals(r.scope),
      this.repo.uniqueAuthors(brandKey, r.days.first, r.days.last, sourceKind),
      this.repo.uniqueAuthors(brandKey, prev.first, prev.last, sourceKind),
      this.repo.newAuthors(brandKey, r.days.first, r.days.last, sourceKind),
    ]);
    const newAuthors = Math.min(fresh, unique.count);
    return {
      ...r.frame,
      summary: summary('uniqueAuthors', unique.count, previousUnique.count),
      uniqueAuthors: unique.count,
      newAuthors,
      returningAuthors: unique.count - newAuthors,
      mentions: totals.current.n,
      engagement: totals.current.engagement,
      reach: totals.current.reach,
      // Author tables count whole local days: a range of instants inside days is widened to them.
      approximate: unique.approximate || !r.days.aligned,
    };
  }

  async influencers(q: InsightsQuery): Promise<InfluencersInsight> {
    const r = await this.resolve(q);
    const { brandKey, sourceKind } = r.scope;
    const [{ current, previous }, items] = await Promise.all([
      this.repo.totals(r.scope),
      this.repo.influencers(brandKey, r.days.first, r.days.last, sourceKind, INFLUENCER_LIMIT),
    ]);
    const days = daysOf(r.days.first, r.days.last);
    return {
      ...r.frame,
      summary: summary('mentions', current.n, previous.n),
      items: items.map(({ daily, ...i }) => ({ ...i, trend: days.map((d) => daily.get(d) ?? 0) })),
    };
  }

  /** The most used terms (hashtags and words, see the InsightsRollups migration) of the range's local days. */
  async topics(q: InsightsQuery): Promise<TopicsInsight> {
    const r = await this.resolve(q);
    const { brandKey, sourceKind } = r.scope;
    const [{ current, previous }, items] = await Promise.all([
      this.repo.totals(r.scope),
      this.repo.topics(brandKey, r.days.first, r.days.last, sourceKind, TOPIC_LIMIT),
    ]);
    return {
      ...r.frame,
      summary: summary('mentions', current.n, previous.n),
      items,
      // Terms are counted per whole local day: a range of instants inside days is widened to them.
      approximate: !r.days.aligned,
    };
  }

  async campaigns(q: InsightsQuery): Promise<CampaignsInsight> {
    const r = await this.resolve(q);
    const rows = await this.repo.campaigns(r.scope);
    const daily = await this.repo.campaignDaily(
      r.scope,
      rows.map((c) => c.campaignId),
    );
    const days = daysOf(r.days.first, r.days.last);
    const value = rows.reduce((s, c) => s + c.mentions, 0);
    const previous = rows.reduce((s, c) => s + c.previous, 0);
    return {
      ...r.frame,
      summary: summary('campaignMentions', value, previous),
      items: rows.map(({ previous: _previous, ...c }) => ({
        ...c,
        trend: days.map((d) => daily.get(c.campaignId)?.get(d) ?? 0),
      })),
    };
  }

  async purchaseIntent(q: InsightsQuery): Promise<PurchaseIntentInsight> {
    const r = await this.resolve(q);
    // Competitor complaints: of the chosen competitor, else of all competitors together.
    const competitorKey =
      r.scope.brandKey !== BRAND_KEY_ALL && r.scope.brandKey !== BRAND_KEY_OWN && q.brandId !== 'competitors'
        ? (await this.repo.brands()).find((b) => b.id === r.scope.brandKey && b.kind === 'competitor')?.id
        : undefined;
    const complaints: Scope = { ...r.scope, brandKey: competitorKey ?? BRAND_KEY_COMPETITORS };
    const [{ current, previous }, points, compTotals, compPoints] = await Promise.all([
      this.repo.totals(r.scope),
      this.repo.series(r.scope, r.interval),
      this.repo.totals(complaints),
      this.repo.series(complaints, r.interval),
    ]);
    return {
      ...r.frame,
      summary: summary('purchaseIntent', current.purchase_intent, previous.purchase_intent),
      interval: r.interval,
      purchaseIntent: current.purchase_intent,
      competitorComplaints: compTotals.current.complaint,
      series: points.map((p, i) => ({
        label: p.label,
        start: p.start.toISOString(),
        end: p.end.toISOString(),
        purchaseIntent: p.purchase_intent,
        competitorComplaints: compPoints[i]?.complaint ?? 0,
      })),
    };
  }

  async shareOfVoice(q: InsightsQuery): Promise<ShareOfVoiceInsight> {
    const r = await this.resolve(q);
    const [rows, brands] = await Promise.all([this.repo.shareOfVoice(r.scope), this.repo.brands()]);
    const byKey = new Map(rows.map((x) => [x.brandKey, x]));
    const zero = { mentions: 0, positive: 0, neutral: 0, negative: 0, previous: 0 };
    const own = byKey.get(BRAND_KEY_OWN) ?? { ...zero, brandKey: BRAND_KEY_OWN };
    const comp = byKey.get(BRAND_KEY_COMPETITORS) ?? { ...zero, brandKey: BRAND_KEY_COMPETITORS };
    const items = brands.map((b) => ({ ...(byKey.get(b.id) ?? zero), brandId: b.id, name: b.name, kind: b.kind }));
    const whole = items.reduce((s, b) => s + b.mentions, 0);
    const group = (g: typeof own) => ({
      mentions: g.mentions,
      share: share(g.mentions, own.mentions + comp.mentions),
      positive: g.positive,
      neutral: g.neutral,
      negative: g.negative,
    });
    const ownShare = share(own.mentions, own.mentions + comp.mentions) * 100;
    const ownSharePrev = share(own.previous, own.previous + comp.previous) * 100;
    return {
      ...r.frame,
      summary: summary('ownSharePercent', round(ownShare), round(ownSharePrev)),
      own: group(own),
      competitors: group(comp),
      items: items
        .map((b) => ({
          brandId: b.brandId,
          name: b.name,
          kind: b.kind,
          mentions: b.mentions,
          share: share(b.mentions, whole),
          positive: b.positive,
          neutral: b.neutral,
          negative: b.negative,
        }))
        .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name)),
    };
  }

  /** Per-agent rows only for managers and admins: marketing sees teams and totals. */
  async care(actor: Principal, q: InsightsQuery): Promise<CareInsight> {
    const r = await this.resolve(q);
    const perAgent = isManager(actor);
    const prevScope: Scope = {
      ...r.scope,
      start: new Date(2 * r.scope.start.getTime() - r.scope.end.getTime()),
      end: r.scope.start,
    };
    const [{ rows, approximate }, previous, outcomes] = await Promise.all([
      this.repo.care(r.scope, perAgent),
      this.repo.ticketCount(prevScope),
      this.repo.outcomes(r.scope),
    ]);
    const total = rows.find((x) => x.scope === 'total') ?? EMPTY_CARE;
    const teams = rows
      .filter((x) => x.scope === 'team')
      .map((x) => ({ ...careMetrics(x), teamId: x.teamId!, name: x.name ?? '' }))
      .sort((a, b) => b.tickets - a.tickets || a.name.localeCompare(b.name));
    const agents = rows
      .filter((x) => x.scope === 'agent')
      .map((x) => ({ ...careMetrics(x), userId: x.assigneeId!, name: x.name ?? '' }))
      .sort((a, b) => b.tickets - a.tickets || a.name.localeCompare(b.name));
    return {
      ...r.frame,
      summary: summary('tickets', total.tickets, previous),
      totals: careMetrics(total),
      teams,
      ...(perAgent ? { agents } : {}),
      outcomes,
      approximate,
    };
  }

  /** The influencer threshold, for the raw export's filter. */
  static readonly influencerMin = INFLUENCER_MIN;
}
