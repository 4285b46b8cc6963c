import { createHash, randomUUID } from 'node:crypto';
import { ROOM, type TicketPriority, type WebhookResult } from '@dengar/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AssignmentService } from '../assignment/assignment.service.js';
import { EventLog, event, type PendingEvent } from '../event/event-log.service.js';
import { RoutingCache } from '../routing/routing-cache.js';
import { type BrandKinds, type CompiledRule, firstMatch } from '../routing/routing-rule-matcher.js';
import type { PulledMention, SkippedItem } from '../source/connectors/connector.js';
import { sanitizeHtml } from '../source/connectors/html.js';
import type { SourceEntity } from '../source/source.entity.js';
import { SourceRepository } from '../source/source.repository.js';
import { SettingsService } from '../settings/settings.service.js';
import { firstResponseDue } from '../ticket/sla-clock.js';
import { TicketRepository } from '../ticket/ticket.repository.js';
import { ticketRooms } from '../ticket/ticket-rooms.js';
import { EnricherCache } from './enricher-cache.js';
import { IngestRepository, type MentionInput, type TicketRow } from './ingest.repository.js';
import { opensTicket, statusAfterCustomerMention, subjectOf, threadRefs, threadSentiment } from './threading.js';

export interface PageInput {
  mentions: PulledMention[];
  skipped: SkippedItem[];
  /** Only for polls: the cursor to store with this page; undefined leaves it. */
  cursor?: unknown;
}

/** What threading needs of a stored mention. */
export type ThreadInput = Pick<
  MentionInput,
  'text' | 'sentimentLabel' | 'sentimentScore' | 'postedAt' | 'brandIds' | 'inReplyToExternalId' | 'threadExternalId'
> & { authorId: string };

/**
 * A new mention handed to threading. `route` is the routing rule that matched it at ingestion (null: none did);
 * left out, threading evaluates the rules itself should the mention open a ticket (a restored spam mention).
 */
export type ThreadMention = ThreadInput & { mentionId: string; externalId: string; route?: CompiledRule | null };

export interface IngestCounts {
  accepted: number;
  duplicates: number;
  edited: number;
  skipped: number;
  ticketsCreated: number;
}

/** How a mention that opens a ticket is routed. */
interface NewTicketRoute {
  teamId: string;
  ruleId: string | null;
  priority: TicketPriority;
  tagIds: string[];
  firstResponseDueAt: Date;
}

/** The poll lost its lease while fetching (it was taken over): the page is dropped, the new owner re-reads it. */
export class LeaseLostError extends Error {
  constructor() {
    super('the poll lease was lost; the page was not stored');
  }
}

const RETRYABLE = new Set(['40001', '40P01']);

const contentHash = (m: { text: string; html: string | null }) =>
  createHash('sha256')
    .update(m.text)
    .update('\u0000')
    .update(m.html ?? '')
    .digest('hex');

/**
 * Turns a page of pulled mentions into stored mentions and tickets (SPEC §3–§4): enrich first (CPU, outside the
 * transaction), then in ONE transaction: authors, mentions (`ON CONFLICT DO NOTHING` on `(source_id,
 * external_id)`), edits, threading into tickets, ticket events, live events, stats and the new cursor. A crash
 * anywhere before COMMIT leaves nothing behind; a re-delivery finds its rows and counts as duplicates.
 */
@Injectable()
export class IngestService {
  private readonly logger = new Logger('Ingest');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: IngestRepository,
    private readonly sources: SourceRepository,
    private readonly enrichers: EnricherCache,
    private readonly log: EventLog,
    private readonly tickets: TicketRepository,
    private readonly routing: RoutingCache,
    private readonly assignment: AssignmentService,
    private readonly settings: SettingsService,
  ) {}

  /** A poll's page: committed only while `leaseToken` still holds the source's lease. */
  async ingestPage(source: SourceEntity, page: PageInput, leaseToken: string): Promise<IngestCounts> {
    return this.run(source, page, async (em) => {
      if (!(await this.sources.holdsLease(em, source.id, leaseToken))) throw new LeaseLostError();
    });
  }

  /**
   * A webhook delivery (SPEC §4): a repeated `webhook-id` answers what the first delivery answered without
   * ingesting again; two concurrent deliveries of one id serialise on its row.
   */
  async ingestWebhook(
    source: SourceEntity,
    messageId: string,
    mentions: PulledMention[],
    rejected: WebhookResult['rejected'],
  ): Promise<WebhookResult> {
    let replay: WebhookResult | null = null;
    let result: WebhookResult | null = null;
    await this.run(
      source,
      { mentions, skipped: rejected.map((r) => ({ reason: `item ${r.index}: ${r.reason}` })) },
      async (em) => {
        if (!(await this.repo.claimDelivery(em, source.id, messageId))) {
          replay = ((await this.repo.deliveryResult(em, source.id, messageId)) as WebhookResult | null) ?? {
            accepted: 0,
            duplicates: 0,
            rejected: [],
          };
          return 'skip';
        }
      },
      async (em, counts) => {
        result = { accepted: counts.accepted, duplicates: counts.duplicates + counts.edited, rejected };
        await this.repo.saveDelivery(em, source.id, messageId, result);
      },
    );
    if (replay) {
      const r: WebhookResult = replay;
      // The whole delivery was a repeat: everything it carried counts as duplicates now.
      return { accepted: 0, duplicates: r.accepted + r.duplicates, rejected: r.rejected };
    }
    return result!;
  }

  private async run(
    source: SourceEntity,
    page: PageInput,
    before: (em: EntityManager) => Promise<void | 'skip'>,
    after?: (em: EntityManager, counts: IngestCounts) => Promise<void>,
  ): Promise<IngestCounts> {
    const { enricher, ownBrandIds, competitorBrandIds } = await this.enrichers.get();
    const brands: BrandKinds = { own: ownBrandIds, competitor: competitorBrandIds };
    // One item per external id: a page that repeats an item keeps its last copy.
    const items = [...new Map(page.mentions.map((m) => [m.externalId, m])).values()].sort(
      (a, b) => a.postedAt.getTime() - b.postedAt.getTime(),
    );
    for (let attempt = 1; ; attempt++) {
      try {
        const events: PendingEvent[] = [];
        const counts = await this.ds.transaction(async (em) => {
          if ((await before(em)) === 'skip') return null;
          const c = await this.store(em, source, items, page.skipped, enricher, brands, events);
          await this.sources.addStats(em, source.id, {
            ingested: c.accepted,
            duplicates: c.duplicates,
            skipped: page.skipped.length,
          });
          await this.sources.addSkips(em, source.id, page.skipped);
          if (page.cursor !== undefined) {
            await em.query('UPDATE sources SET cursor = $2::jsonb WHERE id = $1', [
              source.id,
              JSON.stringify(page.cursor ?? null),
            ]);
          }
          await this.log.record(em, events);
          await after?.(em, c);
          return c;
        });
        return counts ?? { accepted: 0, duplicates: items.length, edited: 0, skipped: 0, ticketsCreated: 0 };
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code && RETRYABLE.has(code) && attempt < 3) continue;
        throw err;
      }
    }
  }

  private async store(
    em: EntityManager,
    source: SourceEntity,
    items: PulledMention[],
    skipped: SkippedItem[],
    enricher: Awaited<ReturnType<EnricherCache['get']>>['enricher'],
    brands: BrandKinds,
    events: PendingEvent[],
  ): Promise<IngestCounts> {
    const counts: IngestCounts = { accepted: 0, duplicates: 0, edited: 0, skipped: skipped.length, ticketsCreated: 0 };
    if (!items.length) return counts;
    const kind = source.kind;
    // Pages touching the same author or thread serialise here, so two of them never open two tickets for one thread.
    await this.repo.lock(em, [
      ...items.map((m) => `a:${source.id}:${m.author.externalId}`),
      ...items.flatMap((m) => threadRefs(m).map((r) => `t:${kind}:${r}`)),
      ...items.map((m) => `t:${kind}:${m.externalId}`),
    ]);
    const authorCounts = await this.repo.knownAuthorCounts(em, kind, [
      ...new Set(items.map((m) => m.author.externalId)),
    ]);
    const inputs = items.map((m): MentionInput => {
      const html = m.html ? sanitizeHtml(m.html) || null : null;
      const e = enricher.enrich({
        text: m.text,
        declaredLanguage: m.language ?? null,
        postedAt: m.postedAt,
        author: {
          handle: m.author.handle,
          followers: m.author.followers ?? null,
          verified: m.author.verified ?? false,
          mentionCount: authorCounts.get(m.author.externalId) ?? 0,
        },
        ...(m.metrics ? { metrics: m.metrics } : {}),
        url: m.url,
      });
      return {
        externalId: m.externalId,
        url: m.url,
        text: m.text,
        html,
        postedAt: m.postedAt.toISOString(),
        editedAt: m.editedAt?.toISOString() ?? null,
        language: e.language,
        sentimentLabel: e.sentiment.label,
        sentimentScore: e.sentiment.score,
        type: e.type,
        isSpam: e.isSpam,
        spamReason: e.spamReason,
        likes: m.metrics?.likes ?? 0,
        reposts: m.metrics?.reposts ?? 0,
        replies: m.metrics?.replies ?? 0,
        inReplyToExternalId: m.inReplyToExternalId ?? null,
        threadExternalId: m.threadExternalId ?? null,
        replyWebhookUrl: m.replyWebhookUrl ?? null,
        replyContext: m.replyContext ?? null,
        authorExternalId: m.author.externalId,
        brandIds: e.brandIds,
        campaignIds: e.campaignIds,
        contentHash: contentHash({ text: m.text, html }),
        influence: e.influence,
      } as MentionInput & { influence: number };
    });
    const influenceOf = new Map(
      inputs.map((i) => [i.authorExternalId, (i as MentionInput & { influence: number }).influence]),
    );
    const authors = await this.repo.upsertAuthors(
      em,
      kind,
      [...new Map(items.map((m) => [m.author.externalId, m.author])).values()].map((a) => ({
        externalId: a.externalId,
        handle: a.handle,
        displayName: a.displayName ?? null,
        profileUrl: a.profileUrl ?? null,
        followers: a.followers ?? null,
        verified: a.verified ?? false,
        influence: influenceOf.get(a.externalId) ?? 0,
      })),
    );
    // Routing (SPEC §5), before storing: a rule may mark the mention as spam. Spam found by enrichment is not
    // routed; a rule's other actions take effect only when the mention opens a ticket (threadPage).
    const rules = await this.routing.rules(em);
    const routes = new Map<string, CompiledRule | null>();
    const withAuthor = inputs.map((i) => {
      const author = authors.get(i.authorExternalId)!;
      const m = { ...i, authorId: author.id };
      if (m.isSpam) return m;
      const rule = rules.length
        ? firstMatch(
            rules,
            {
              sourceKind: kind,
              sourceId: source.id,
              brandIds: m.brandIds,
              language: m.language,
              sentiment: m.sentimentLabel,
              type: m.type,
              text: m.text,
              authorInfluence: author.influence,
              authorVerified: author.verified,
            },
            brands,
          )
        : null;
      routes.set(m.externalId, rule);
      if (rule?.actions.markSpam) {
        m.isSpam = true;
        m.spamReason = `routing rule ${rule.name}`.slice(0, 200);
      }
      return m;
    });
    const created = await this.repo.insertMentions(em, source.id, kind, withAuthor);
    await this.repo.insertRaw(
      em,
      items.flatMap((m) => {
        const id = created.get(m.externalId);
        return id ? [{ mentionId: id, raw: m.raw }] : [];
      }),
    );

    // Already stored: an unchanged re-delivery is a no-op, a changed one is an edit.
    const existing = await this.repo.existing(
      em,
      source.id,
      withAuthor.filter((m) => !created.has(m.externalId)).map((m) => m.externalId),
    );
    const byExternal = new Map(withAuthor.map((m) => [m.externalId, m]));
    for (const old of existing) {
      const next = byExternal.get(old.externalId)!;
      if (old.contentHash === next.contentHash) {
        counts.duplicates++;
        continue;
      }
      counts.edited++;
      await this.repo.applyEdit(em, old.id, next);
      if (old.ticketId) {
        await this.repo.ticketEvents(em, [
          { ticketId: old.ticketId, type: 'mention_edited', data: { mentionId: old.id } },
        ]);
      }
    }

    const perAuthor = new Map<string, number>();
    const toThread: ThreadMention[] = [];
    for (const m of withAuthor) {
      const mentionId = created.get(m.externalId);
      if (!mentionId) continue;
      counts.accepted++;
      perAuthor.set(m.authorId, (perAuthor.get(m.authorId) ?? 0) + 1);
      const route = routes.get(m.externalId) ?? null;
      if (m.isSpam || route?.actions.skip) continue;
      // A competitor-only mention opens a ticket only when a rule gives it a team (SPEC §3).
      if (!opensTicket(m, brands.own) && !route?.actions.teamId) continue;
      toThread.push({ ...m, mentionId, route });
    }
    if (created.size) {
      events.push(
        event('mention.created', [ROOM.listening], { sourceId: source.id, mentionIds: [...created.values()] }),
      );
    }
    counts.ticketsCreated = await this.threadPage(em, source, toThread, brands.own, events);
    await this.repo.countAuthorMentions(em, perAuthor);
    return counts;
  }

  /**
   * SPEC §3 "Threading" for the new mentions of a page, in posting order, set-based: two reads find the tickets
   * they may join, the decisions are made in memory (a reply may join a ticket the same page opened), and four
   * statements write them. A mention that opens a ticket is routed by its rule (team, priority, tags; SLA due
   * from the priority's target); one that joins a ticket is not re-routed. Returns how many tickets were opened.
   */
  async threadPage(
    em: EntityManager,
    source: Pick<SourceEntity, 'id' | 'kind'>,
    mentions: ThreadMention[],
    ownBrandIds: ReadonlySet<string>,
    events: PendingEvent[],
  ): Promise<number> {
    if (!mentions.length) return 0;
    const refs = [...new Set(mentions.flatMap((m) => threadRefs(m)))];
    const roots = [...new Set(mentions.flatMap((m) => (m.threadExternalId ? [m.threadExternalId] : [])))];
    const candidates = await this.repo.threadCandidates(em, source.kind, refs, roots);
    const byAuthorId = await this.repo.authorTickets(em, source.id, [...new Set(mentions.map((m) => m.authorId))]);
    const existing = new Map(
      (
        await this.repo.lockTickets(em, [...new Set([...candidates.map((c) => c.ticketId), ...byAuthorId.values()])])
      ).map((t) => [t.id, t]),
    );

    interface Working {
      id: string;
      isNew: boolean;
      row?: TicketRow;
      status: string;
      newStatus: string | null;
      sentimentScore: number;
      sentimentLabel: string;
      lastActivityAt: string;
      waitingSince: string | null;
      mentionIds: string[];
      first?: ThreadMention;
    }
    const working = new Map<string, Working>();
    const get = (id: string | undefined): Working | undefined => {
      if (!id) return undefined;
      const known = working.get(id);
      if (known) return known;
      const row = existing.get(id);
      // A candidate closed meanwhile (between the read and the lock) no longer takes mentions.
      if (!row || row.status === 'closed') return undefined;
      const w: Working = {
        id,
        isNew: false,
        row,
        status: row.status,
        newStatus: null,
        sentimentScore: row.sentimentScore,
        sentimentLabel: '',
        lastActivityAt: '',
        waitingSince: null,
        mentionIds: [],
      };
      working.set(id, w);
      return w;
    };
    const byExternal = new Map<string, string>();
    const byRoot = new Map<string, string>();
    for (const c of candidates) {
      if (!byExternal.has(c.externalId)) byExternal.set(c.externalId, c.ticketId);
      if (c.threadExternalId && !byRoot.has(c.threadExternalId)) byRoot.set(c.threadExternalId, c.ticketId);
    }
    const authorTicket = new Map(byAuthorId);
    const links: { mentionId: string; ticketId: string }[] = [];

    for (const m of mentions) {
      let t =
        threadRefs(m)
          .map((r) => get(byExternal.get(r)))
          .find(Boolean) ??
        (m.threadExternalId ? get(byRoot.get(m.threadExternalId)) : undefined) ??
        get(authorTicket.get(m.authorId));
      if (t) {
        const status = statusAfterCustomerMention(t.newStatus ?? t.status);
        if (status) t.newStatus = status;
        const sentiment = threadSentiment(t.sentimentScore, m.sentimentScore);
        t.sentimentScore = sentiment.score;
        t.sentimentLabel = sentiment.label;
        if (m.postedAt > t.lastActivityAt) t.lastActivityAt = m.postedAt;
        t.waitingSince ??= m.postedAt;
      } else {
        t = {
          id: randomUUID(),
          isNew: true,
          status: 'new',
          newStatus: null,
          sentimentScore: m.sentimentScore,
          sentimentLabel: m.sentimentLabel,
          lastActivityAt: m.postedAt,
          waitingSince: m.postedAt,
          mentionIds: [],
          first: m,
        };
        working.set(t.id, t);
        authorTicket.set(m.authorId, t.id);
      }
      t.mentionIds.push(m.mentionId);
      links.push({ mentionId: m.mentionId, ticketId: t.id });
      byExternal.set(m.externalId, t.id);
      if (m.threadExternalId && !byRoot.has(m.threadExternalId)) byRoot.set(m.threadExternalId, t.id);
    }

    const all = [...working.values()].filter((w) => w.mentionIds.length);
    const fresh = all.filter((w) => w.isNew);
    const joined = all.filter((w) => !w.isNew);
    const routed = await this.routeNew(
      em,
      fresh.map((w) => w.first!),
    );
    const numbers = await this.repo.insertTickets(
      em,
      fresh.map((w) => {
        const r = routed.get(w.first!.mentionId)!;
        return {
          id: w.id,
          teamId: r.teamId,
          brandId: w.first!.brandIds.find((id) => ownBrandIds.has(id)) ?? null,
          sourceId: source.id,
          authorId: w.first!.authorId,
          subject: subjectOf(w.first!.text),
          sentimentLabel: w.sentimentLabel,
          sentimentScore: w.sentimentScore,
          priority: r.priority,
          firstResponseDueAt: r.firstResponseDueAt.toISOString(),
          lastActivityAt: w.lastActivityAt,
          waitingSince: w.waitingSince!,
          mentionCount: w.mentionIds.length,
        };
      }),
    );
    const tagged = await this.repo.addTicketTags(
      em,
      fresh.flatMap((w) => routed.get(w.first!.mentionId)!.tagIds.map((tagId) => ({ ticketId: w.id, tagId }))),
    );
    const versions = await this.repo.updateTickets(
      em,
      joined.map((w) => ({
        id: w.id,
        lastActivityAt: w.lastActivityAt,
        waitingSince: w.waitingSince!,
        sentimentLabel: w.sentimentLabel,
        sentimentScore: w.sentimentScore,
        status: w.newStatus,
        added: w.mentionIds.length,
      })),
    );
    await this.repo.setMentionTickets(em, links);

    const ticketEvents: { ticketId: string; type: string; data: Record<string, unknown> }[] = [];
    const dtos = await this.tickets.dtos(
      em,
      all.map((w) => w.id),
    );
    for (const w of fresh) {
      const { teamId, ruleId } = routed.get(w.first!.mentionId)!;
      const rooms = ticketRooms({ id: w.id, teamId, assigneeId: null });
      ticketEvents.push({ ticketId: w.id, type: 'created', data: { mentionId: w.mentionIds[0] } });
      ticketEvents.push({ ticketId: w.id, type: 'routed', data: { teamId, ruleId } });
      // One `tagged` event per tag, shaped like a person's tagging, plus the rule that did it.
      for (const t of tagged.filter((x) => x.ticketId === w.id)) {
        ticketEvents.push({
          ticketId: w.id,
          type: 'tagged',
          data: { tagId: t.tagId, name: t.name, kind: t.kind, ruleId },
        });
      }
      events.push(
        event('ticket.created', rooms, { ticketId: w.id, teamId, number: numbers.get(w.id)!, ticket: dtos.get(w.id)! }),
      );
      for (const [i, mentionId] of w.mentionIds.entries()) {
        if (i > 0) ticketEvents.push({ ticketId: w.id, type: 'mention_added', data: { mentionId } });
        events.push(event('ticket.mention_added', rooms, { ticketId: w.id, teamId, mentionId }));
      }
    }
    for (const w of joined) {
      const row = w.row!;
      const rooms = ticketRooms(row);
      const ticket = dtos.get(w.id)!;
      for (const mentionId of w.mentionIds) {
        ticketEvents.push({ ticketId: w.id, type: 'mention_added', data: { mentionId } });
        events.push(event('ticket.mention_added', rooms, { ticketId: w.id, teamId: row.teamId, mentionId }));
      }
      if (w.newStatus && w.newStatus !== row.status) {
        ticketEvents.push({
          ticketId: w.id,
          type: 'status_changed',
          data: { from: row.status, to: w.newStatus, reason: 'customer_wrote' },
        });
      }
      const changed = ['lastActivityAt', 'waitingSince', 'sentiment', ...(w.newStatus ? ['status'] : [])];
      events.push(
        event('ticket.updated', rooms, {
          ticketId: w.id,
          teamId: row.teamId,
          changed,
          version: versions.get(w.id)!,
          ticket,
        }),
      );
    }
    await this.repo.ticketEvents(em, ticketEvents);
    if (fresh.length)
      await this.assignment.assignNew(
        em,
        fresh.map((w) => w.id),
        events,
      );
    return fresh.length;
  }

  /**
   * Team, priority, tags and first-response due time for the mentions that open new tickets, keyed by mention
   * id. No matching rule: the default team, priority normal. A rule's team deleted since falls back to the default
   * team. The due time counts from the transaction's time, the tickets' `created_at`.
   */
  private async routeNew(em: EntityManager, firsts: ThreadMention[]): Promise<Map<string, NewTicketRoute>> {
    const out = new Map<string, NewTicketRoute>();
    if (!firsts.length) return out;
    const rules = new Map(firsts.map((m) => [m.mentionId, m.route]));
    const unrouted = firsts.filter((m) => m.route === undefined).map((m) => m.mentionId);
    if (unrouted.length) {
      // Not routed at ingestion (a restored spam mention): evaluate now. Only team, priority and tags apply; a
      // person decided it is not spam and belongs in a ticket.
      const compiled = await this.routing.rules(em);
      const { ownBrandIds, competitorBrandIds } = await this.enrichers.get();
      const brands: BrandKinds = { own: ownBrandIds, competitor: competitorBrandIds };
      for (const m of await this.repo.routableMentions(em, unrouted)) {
        const rule = compiled.length ? firstMatch(compiled, { ...m, sentiment: m.sentimentLabel }, brands) : null;
        rules.set(m.id, rule);
      }
    }
    const defaultTeamId = await this.repo.defaultTeamId(em);
    const teams = await this.repo.existingTeams(em, [
      ...new Set([...rules.values()].flatMap((r) => (r?.actions.teamId ? [r.actions.teamId] : []))),
    ]);
    const now = await this.repo.transactionTime(em);
    const settings = await this.settings.get(em);
    for (const m of firsts) {
      const rule = rules.get(m.mentionId) ?? null;
      const ruleTeam = rule?.actions.teamId;
      const priority = rule?.actions.priority ?? 'normal';
      out.set(m.mentionId, {
        teamId: ruleTeam && teams.has(ruleTeam) ? ruleTeam : defaultTeamId,
        ruleId: rule?.id ?? null,
        priority,
        tagIds: rule?.actions.tagIds ?? [],
        firstResponseDueAt: firstResponseDue(now, priority, settings),
      });
    }
    return out;
  }
}
