import type { ListMentionsQuery, Mention, Page, UpdateMentionRequest } from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ForbiddenException, NotFoundException } from '../../common/app.exception.js';
import { decodeCursor, toPage } from '../../common/pagination.js';
import type { Principal } from '../../common/principal.js';
import { EventLog, type PendingEvent } from '../event/event-log.service.js';
import { EnricherCache } from '../ingest/enricher-cache.js';
import { IngestService } from '../ingest/ingest.service.js';
import { opensTicket } from '../ingest/threading.js';
import { SettingsService } from '../settings/settings.service.js';
import { MentionRepository, type MentionRow } from './mention.repository.js';

export const toMention = (r: MentionRow): Mention => ({
  id: r.id,
  sourceId: r.sourceId,
  sourceKind: r.sourceKind as Mention['sourceKind'],
  externalId: r.externalId,
  url: r.url,
  text: r.text,
  html: r.html,
  postedAt: r.postedAt.toISOString(),
  ingestedAt: r.ingestedAt.toISOString(),
  editedAt: r.editedAt?.toISOString() ?? null,
  language: r.language,
  sentiment: { label: r.sentimentLabel as Mention['sentiment']['label'], score: r.sentimentScore },
  type: r.type as Mention['type'],
  isSpam: r.isSpam,
  metrics: { likes: r.likes, reposts: r.reposts, replies: r.replies },
  inReplyToExternalId: r.inReplyToExternalId,
  threadExternalId: r.threadExternalId,
  brandIds: r.brandIds,
  campaignIds: r.campaignIds,
  ticketId: r.ticketId,
  author: {
    id: r.authorId,
    handle: r.authorHandle,
    displayName: r.authorDisplayName,
    profileUrl: r.authorProfileUrl,
    followers: r.authorFollowers,
    influence: r.authorInfluence,
    verified: r.authorVerified,
  },
});

/** Who reads the whole listening stream: marketing, managers and admins; agents only their tickets' mentions. */
const seesAll = (p: Principal) => p.role !== 'agent';

@Injectable()
export class MentionService {
  constructor(
    private readonly mentions: MentionRepository,
    private readonly ingest: IngestService,
    private readonly enrichers: EnricherCache,
    private readonly log: EventLog,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly settings: SettingsService,
  ) {}

  async list(actor: Principal, q: ListMentionsQuery): Promise<Page<Mention>> {
    const after = decodeCursor(q.cursor, 2) as [string, string] | undefined;
    // Weekday and hour are the workspace's (the heatmap's), not UTC's.
    const timezone = q.weekday !== undefined || q.hour !== undefined ? (await this.settings.get()).timezone : 'UTC';
    const rows = await this.mentions.list(q, after, seesAll(actor) ? undefined : actor.userId, timezone);
    return toPage(rows, q.limit, toMention, (r) => [r.postedAt.toISOString(), r.id]);
  }

  async get(actor: Principal, id: string): Promise<Mention> {
    const row = await this.mentions.findById(id, seesAll(actor) ? undefined : actor.userId);
    if (!row) throw new NotFoundException('Mention');
    return toMention(row);
  }

  /**
   * Spam is a flag (SPEC §3): restoring a mention clears it and threads it into a ticket as if it had just
   * arrived; marking one keeps any ticket it already joined.
   */
  async update(actor: Principal, id: string, input: UpdateMentionRequest): Promise<Mention> {
    if (!seesAll(actor)) throw new ForbiddenException('Only marketing, managers and admins judge spam');
    const { ownBrandIds } = await this.enrichers.get();
    await this.ds.transaction(async (em) => {
      const row = await this.mentions.findById(id, undefined, em);
      if (!row) throw new NotFoundException('Mention');
      if (row.isSpam === input.isSpam) return;
      await this.mentions.setSpam(em, id, input.isSpam);
      if (input.isSpam || row.ticketId || !opensTicket({ isSpam: false, brandIds: row.brandIds }, ownBrandIds)) return;
      const events: PendingEvent[] = [];
      await this.ingest.threadPage(
        em,
        { id: row.sourceId, kind: row.sourceKind as never },
        [
          {
            mentionId: id,
            externalId: row.externalId,
            authorId: row.authorId,
            text: row.text,
            sentimentLabel: row.sentimentLabel,
            sentimentScore: row.sentimentScore,
            postedAt: row.postedAt.toISOString(),
            brandIds: row.brandIds,
            inReplyToExternalId: row.inReplyToExternalId,
            threadExternalId: row.threadExternalId,
          },
        ],
        ownBrandIds,
        events,
      );
      await this.log.record(em, events);
    });
    return this.get(actor, id);
  }
}
