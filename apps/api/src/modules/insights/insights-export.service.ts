import type { InsightPanel, InsightsExportQuery, InsightsQuery } from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import type { Principal } from '../../common/principal.js';
import { csvLine } from './insights-csv.js';
import { INFLUENCER_MIN, InsightsRepository, type RawMentionFilter } from './insights.repository.js';
import { InsightsService } from './insights.service.js';

/** Rows per keyset page of a raw export: memory stays flat whatever the range. */
const PAGE = 2000;

export type CsvSink = (chunk: string) => Promise<void>;

/** What a panel's raw rows are: its mentions (narrowed as the panel counts them), or tickets for care. */
const RAW_FILTER: Record<Exclude<InsightPanel, 'care'>, RawMentionFilter> = {
  volume: {},
  types: {},
  sentiment: {},
  heatmap: {},
  authors: {},
  influencers: { minInfluence: INFLUENCER_MIN },
  campaigns: { withCampaign: true },
  'purchase-intent': { type: 'purchase_intent' },
  'share-of-voice': {},
  topics: {},
};

/** `GET /api/insights/export.csv`: a panel's table, or the mentions/tickets behind it, streamed page by page. */
@Injectable()
export class InsightsExportService {
  constructor(
    private readonly insights: InsightsService,
    private readonly repo: InsightsRepository,
  ) {}

  /** Validates the query first (so a bad one still answers 400 JSON), then returns the writer of the body. */
  async prepare(
    actor: Principal,
    q: InsightsExportQuery,
  ): Promise<{ filename: string; write: (sink: CsvSink) => Promise<void> }> {
    const base: InsightsQuery = {
      brandId: q.brandId,
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
      ...(q.sourceKind ? { sourceKind: q.sourceKind } : {}),
      ...(q.interval ? { interval: q.interval } : {}),
    };
    const resolved = await this.insights.resolve(base);
    const filename = `insights-${q.panel}${q.rows === 'raw' ? '-raw' : ''}-${resolved.frame.from.slice(0, 10)}-${resolved.frame.to.slice(0, 10)}.csv`;
    if (q.rows === 'raw') {
      return { filename, write: (sink) => this.raw(q.panel, resolved.scope, sink) };
    }
    const rows = await this.table(actor, q.panel, base);
    return {
      filename,
      write: async (sink) => {
        for (const row of rows) await sink(csvLine(row));
      },
    };
  }

  private async raw(panel: InsightPanel, scope: Parameters<InsightsRepository['rawMentions']>[0], sink: CsvSink) {
    if (panel === 'care') {
      await sink(
        csvLine([
          'ticketId',
          'number',
          'createdAt',
          'status',
          'priority',
          'team',
          'assignee',
          'sourceKind',
          'firstResponseMinutes',
          'firstResponseBusinessMinutes',
          'resolutionMinutes',
          'resolutionBusinessMinutes',
          'slaHit',
          'reopened',
          'subject',
        ]),
      );
      let after: { createdAt: Date; id: string } | null = null;
      for (;;) {
        const page = await this.repo.rawTickets(scope, after, PAGE);
        for (const t of page) {
          await sink(
            csvLine([
              t.id,
              t.number,
              t.createdAt,
              t.status,
              t.priority,
              t.teamName,
              t.assigneeName,
              t.sourceKind,
              t.firstResponseMin,
              t.firstResponseBusinessMin,
              t.resolutionMin,
              t.resolutionBusinessMin,
              t.slaHit,
              t.reopened,
              t.subject,
            ]),
          );
        }
        const last = page.at(-1);
        if (!last || page.length < PAGE) return;
        after = { createdAt: last.createdAt, id: last.id };
      }
    }
    await sink(
      csvLine([
        'mentionId',
        'postedAt',
        'sourceKind',
        'author',
        'type',
        'sentiment',
        'likes',
        'reposts',
        'replies',
        'brandIds',
        'campaignIds',
        'ticketId',
        'url',
        'text',
      ]),
    );
    let after: { postedAt: Date; id: string } | null = null;
    for (;;) {
      const page = await this.repo.rawMentions(scope, RAW_FILTER[panel], after, PAGE);
      for (const m of page) {
        await sink(
          csvLine([
            m.id,
            m.postedAt,
            m.sourceKind,
            m.authorHandle,
            m.type,
            m.sentimentLabel,
            m.likes,
            m.reposts,
            m.replies,
            m.brandIds,
            m.campaignIds,
            m.ticketId,
            m.url,
            m.text,
          ]),
        );
      }
      const last = page.at(-1);
      if (!last || page.length < PAGE) return;
      after = { postedAt: last.postedAt, id: last.id };
    }
  }

  /** The panel's response as a table: a header row, then one row per bar/cell/item. */
  private async table(actor: Principal, panel: InsightPanel, q: InsightsQuery): Promise<unknown[][]> {
    switch (panel) {
      case 'volume': {
        const r = await this.insights.volume(q);
        const kinds = r.bySource.map((b) => b.sourceKind);
        return [
          ['label', 'start', 'end', 'mentions', ...kinds],
          ...r.series.map((p) => [p.label, p.start, p.end, p.mentions, ...kinds.map((k) => p.bySource[k] ?? 0)]),
        ];
      }
      case 'types': {
        const r = await this.insights.types(q);
        return [['type', 'mentions', 'share'], ...r.items.map((i) => [i.type, i.mentions, i.share])];
      }
      case 'sentiment': {
        const r = await this.insights.sentiment(q);
        return [
          ['label', 'start', 'end', 'mentions', 'positive', 'neutral', 'negative'],
          ...r.series.map((p) => [p.label, p.start, p.end, p.mentions, p.positive, p.neutral, p.negative]),
        ];
      }
      case 'heatmap': {
        const r = await this.insights.heatmap(q);
        return [
          ['weekday', 'hour', 'mentions', 'negative'],
          ...r.cells.map((c) => [c.weekday, c.hour, c.mentions, c.negative]),
        ];
      }
      case 'authors': {
        const r = await this.insights.authors(q);
        return [
          ['uniqueAuthors', 'newAuthors', 'returningAuthors', 'mentions', 'engagement', 'reach', 'approximate'],
          [r.uniqueAuthors, r.newAuthors, r.returningAuthors, r.mentions, r.engagement, r.reach, r.approximate],
        ];
      }
      case 'influencers': {
        const r = await this.insights.influencers(q);
        return [
          [
            'authorId',
            'handle',
            'sourceKind',
            'followers',
            'influence',
            'mentions',
            'positive',
            'negative',
            'engagement',
          ],
          ...r.items.map((i) => [
            i.authorId,
            i.handle,
            i.sourceKind,
            i.followers,
            i.influence,
            i.mentions,
            i.positive,
            i.negative,
            i.engagement,
          ]),
        ];
      }
      case 'campaigns': {
        const r = await this.insights.campaigns(q);
        return [
          ['campaignId', 'name', 'mentions', 'reach', 'engagement', 'positive', 'neutral', 'negative'],
          ...r.items.map((c) => [
            c.campaignId,
            c.name,
            c.mentions,
            c.reach,
            c.engagement,
            c.positive,
            c.neutral,
            c.negative,
          ]),
        ];
      }
      case 'purchase-intent': {
        const r = await this.insights.purchaseIntent(q);
        return [
          ['label', 'start', 'end', 'purchaseIntent', 'competitorComplaints'],
          ...r.series.map((p) => [p.label, p.start, p.end, p.purchaseIntent, p.competitorComplaints]),
        ];
      }
      case 'share-of-voice': {
        const r = await this.insights.shareOfVoice(q);
        return [
          ['brandId', 'name', 'kind', 'mentions', 'share', 'positive', 'neutral', 'negative'],
          ...r.items.map((b) => [b.brandId, b.name, b.kind, b.mentions, b.share, b.positive, b.neutral, b.negative]),
        ];
      }
      case 'topics': {
        const r = await this.insights.topics(q);
        return [
          ['term', 'mentions', 'positive', 'neutral', 'negative'],
          ...r.items.map((i) => [i.term, i.mentions, i.positive, i.neutral, i.negative]),
        ];
      }
      case 'care': {
        const r = await this.insights.care(actor, q);
        const metrics = (m: typeof r.totals) => [
          m.tickets,
          m.firstResponse.median,
          m.firstResponse.p90,
          m.firstResponse.medianBusiness,
          m.firstResponse.p90Business,
          m.resolution.median,
          m.resolution.p90,
          m.resolution.medianBusiness,
          m.resolution.p90Business,
          m.slaHitRate,
          m.reopened,
        ];
        return [
          [
            'scope',
            'id',
            'name',
            'tickets',
            'firstResponseMedian',
            'firstResponseP90',
            'firstResponseMedianBusiness',
            'firstResponseP90Business',
            'resolutionMedian',
            'resolutionP90',
            'resolutionMedianBusiness',
            'resolutionP90Business',
            'slaHitRate',
            'reopened',
          ],
          ['total', '', '', ...metrics(r.totals)],
          ...r.teams.map((t) => ['team', t.teamId, t.name, ...metrics(t)]),
          ...(r.agents ?? []).map((a) => ['agent', a.userId, a.name, ...metrics(a)]),
        ];
      }
    }
  }
}
