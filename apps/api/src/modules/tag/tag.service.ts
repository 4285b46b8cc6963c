import {
  CreateTagRequestSchema,
  SetTicketTagsRequestSchema,
  UpdateTagRequestSchema,
  type CreateTagRequest,
  type Page,
  type SetTicketTagsRequest,
  type Tag,
  type TagKind,
  type Ticket,
  type UpdateTagRequest,
} from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import { isUniqueViolation, NotFoundException } from '../../common/app.exception.js';
import { decodeCursor, toPage } from '../../common/pagination.js';
import type { Principal } from '../../common/principal.js';
import { EventLog, type PendingEvent } from '../event/event-log.service.js';
import { TicketNotFoundException } from '../ticket/ticket.exception.js';
import { TicketRepository, type TicketEventInput } from '../ticket/ticket.repository.js';
import { TicketWriter, type TicketChange } from '../ticket/ticket-writer.js';
import { TagKindForbiddenException, TagNameTakenException, UnknownTagsException } from './tag.exception.js';
import { kindRank, TagRepository, type TagRow } from './tag.repository.js';

export const toTag = (r: TagRow): Tag => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  color: r.color,
  createdAt: r.createdAt.toISOString(),
});

/** The tag kinds marketing may put on or take off tickets (SPEC §1). */
const MARKETING_KINDS: readonly TagKind[] = ['topic', 'campaign'];

const tagEvent = (
  type: 'tagged' | 'untagged',
  ticketId: string,
  actorId: string,
  t: TagRow,
  extra: Record<string, unknown> = {},
): TicketEventInput => ({ ticketId, type, actorId, data: { tagId: t.id, name: t.name, kind: t.kind, ...extra } });

@Injectable()
export class TagService {
  constructor(
    private readonly tags: TagRepository,
    private readonly tickets: TicketRepository,
    private readonly writer: TicketWriter,
    private readonly log: EventLog,
  ) {}

  async list(q: { kind?: TagKind; limit: number; cursor?: string }): Promise<Page<Tag>> {
    const after = decodeCursor(q.cursor, 3) as [number, string, string] | undefined;
    const rows = await this.tags.list(q.kind, q.limit, after);
    return toPage(rows, q.limit, toTag, (r) => [kindRank(r.kind), r.name, r.id]);
  }

  async get(id: string): Promise<Tag> {
    const row = await this.tags.findById(null, id);
    if (!row) throw new NotFoundException('Tag');
    return toTag(row);
  }

  async create(input: CreateTagRequest): Promise<Tag> {
    const data = CreateTagRequestSchema.parse(input);
    try {
      return toTag(await this.tags.insert(data));
    } catch (e) {
      if (isUniqueViolation(e)) throw new TagNameTakenException(data.name);
      throw e;
    }
  }

  /** A rename or recolour shows on tickets at their next read; the tag set of a ticket does not change. */
  async update(id: string, input: UpdateTagRequest): Promise<Tag> {
    const data = UpdateTagRequestSchema.parse(input);
    let row: TagRow | null;
    try {
      row = await this.tags.update(id, data);
    } catch (e) {
      if (isUniqueViolation(e) && data.name) throw new TagNameTakenException(data.name);
      throw e;
    }
    if (!row) throw new NotFoundException('Tag');
    return toTag(row);
  }

  /**
   * The tag leaves every ticket (FK cascade); each of those tickets gets an `untagged` event, a new version and
   * `ticket.updated` with `changed: ['tags']`, in the same transaction.
   */
  async remove(actor: Principal, id: string): Promise<void> {
    await this.tags.transaction(async (em) => {
      // Tickets are locked before the tag, the same order `PUT /tickets/:id/tags` takes them in.
      const before = await this.tickets.lock(em, await this.tags.ticketIdsWith(em, id));
      const tag = await this.tags.delete(em, id);
      if (!tag) throw new NotFoundException('Tag');
      const changes: TicketChange[] = [];
      for (const t of before) {
        const after = await this.tickets.update(em, t.id, {});
        if (after) changes.push({ before: t, after, changed: ['tags'] });
      }
      await this.tickets.addEvents(
        em,
        before.map((t) => tagEvent('untagged', t.id, actor.userId, tag, { reason: 'tag_deleted' })),
      );
      const events: PendingEvent[] = [];
      await this.writer.announce(em, changes, events);
      await this.log.record(em, events);
    });
  }

  /**
   * `PUT /api/tickets/:id/tags`: replaces the ticket's tag set. Marketing may only change topic and campaign
   * tags; an unchanged set writes nothing.
   */
  async setTicketTags(actor: Principal, ticketId: string, input: SetTicketTagsRequest): Promise<Ticket> {
    const { tagIds } = SetTicketTagsRequestSchema.parse(input);
    const wanted = [...new Set(tagIds)];
    return this.tags.transaction(async (em) => {
      const ticket = await this.tickets.findVisible(em, actor, ticketId, { lock: true });
      if (!ticket) throw new TicketNotFoundException();
      const found = await this.tags.findByIds(em, wanted);
      const unknown = wanted.filter((w) => !found.some((f) => f.id === w));
      if (unknown.length) throw new UnknownTagsException(unknown);
      const current = await this.tags.ticketTags(em, ticketId);
      const added = found.filter((f) => !current.some((c) => c.id === f.id));
      const removed = current.filter((c) => !wanted.includes(c.id));
      if (actor.role === 'marketing') {
        const refused = [...added, ...removed].filter((t) => !MARKETING_KINDS.includes(t.kind));
        if (refused.length) throw new TagKindForbiddenException(refused.map((t) => `${t.name} (${t.kind})`));
      }
      if (added.length || removed.length) {
        await this.tags.addToTicket(
          em,
          ticketId,
          added.map((t) => t.id),
          actor.userId,
        );
        await this.tags.removeFromTicket(
          em,
          ticketId,
          removed.map((t) => t.id),
        );
        const events: PendingEvent[] = [];
        await this.writer.update(
          em,
          ticket,
          {},
          {
            changed: ['tags'],
            events,
            ticketEvents: [
              ...added.map((t) => tagEvent('tagged', ticketId, actor.userId, t)),
              ...removed.map((t) => tagEvent('untagged', ticketId, actor.userId, t)),
            ],
          },
        );
        await this.log.record(em, events);
      }
      const dto = (await this.tickets.dtos(em, [ticketId])).get(ticketId);
      if (!dto) throw new TicketNotFoundException();
      return dto;
    });
  }
}
