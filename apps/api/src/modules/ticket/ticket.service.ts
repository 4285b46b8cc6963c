import {
  BULK_MAX,
  type AuthorCard,
  type BulkTicketsRequest,
  type BulkTicketsResult,
  type ListMentionsQuery,
  type Page,
  type ListTicketsQuery,
  type ThreadItem,
  type Ticket,
  type TicketCounts,
  type TicketDetail,
  type UpdateTicketRequest,
} from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ForbiddenException, ValidationException } from '../../common/app.exception.js';
import { isManager, type Principal } from '../../common/principal.js';
import type { Queryable } from '../../database/sql.js';
import { AssignmentService } from '../assignment/assignment.service.js';
import { EventLog, event, type PendingEvent } from '../event/event-log.service.js';
import { MentionRepository, type MentionRow } from '../mention/mention.repository.js';
import { toMention } from '../mention/mention.service.js';
import { toNote, type NoteRow } from '../note/note.repository.js';
import { NotificationWriter, type NewNotification } from '../notification/notification-writer.js';
import { toReply, type ReplyRow } from '../reply/reply.repository.js';
import { SettingsService } from '../settings/settings.service.js';
import { CONNECTORS } from '../source/connector-registry.js';
import { StaleTicketException, TicketNotFoundException, TicketRuleException } from './ticket.exception.js';
import { TicketRepository, toTicket, type TicketEventInput, type TicketRow } from './ticket.repository.js';
import { cursorOf, decodeSortCursor, filterIdsSql, listIdsSql } from './ticket-query.js';
import {
  TicketQueueRepository,
  toEvent,
  type EventRow,
  type TagRow,
  type ThreadBound,
} from './ticket-queue.repository.js';
import { firstResponseDue } from './sla-clock.js';
import { roomsBeforeAndAfter } from './ticket-rooms.js';
import { capacityEffects, planChange, slaState, type ChangeRequest, type Violation } from './ticket-status.js';
import {
  dateToUs,
  decodeThreadCursor,
  encodeThreadCursor,
  FROM_TOP,
  mergePage,
  THREAD_KINDS,
  usToIso,
  type KindPosition,
  type Keyed,
  type ThreadKind,
  type ThreadPosition,
} from './ticket-thread.js';
import type { TicketChange } from './ticket-writer.js';
import { TicketWriter } from './ticket-writer.js';

/** The detail shows the latest this many of each kind (SPEC §9). */
export const DETAIL_ITEMS = 200;
const EARLIER_TICKETS = 10;

type Fetched =
  | (Keyed & { kind: 'mention'; row: MentionRow })
  | (Keyed & { kind: 'reply'; row: ReplyRow })
  | (Keyed & { kind: 'note'; row: NoteRow })
  | (Keyed & { kind: 'event'; row: EventRow });

const toItem = (f: Fetched): ThreadItem => {
  switch (f.kind) {
    case 'mention':
      return { kind: 'mention', at: f.row.postedAt.toISOString(), mention: toMention(f.row) };
    case 'reply':
      return { kind: 'reply', at: f.row.createdAt.toISOString(), reply: toReply(f.row) };
    case 'note':
      return { kind: 'note', at: f.row.createdAt.toISOString(), note: toNote(f.row) };
    case 'event':
      return { kind: 'event', at: f.row.at.toISOString(), event: toEvent(f.row) };
  }
};

function toException(v: Violation): Error {
  switch (v.kind) {
    case 'forbidden':
      return new ForbiddenException(v.message);
    case 'rule':
      return new TicketRuleException(v.message, v.details);
    case 'invalid':
      return new ValidationException([{ path: v.field ?? 'body', message: v.message }]);
  }
}

/** One ticket's change inside a transaction, for the side effects every change path shares. */
interface Applied {
  before: TicketRow;
  after: TicketRow;
}

@Injectable()
export class TicketService {
  constructor(
    private readonly queue: TicketQueueRepository,
    private readonly tickets: TicketRepository,
    private readonly writer: TicketWriter,
    private readonly notifications: NotificationWriter,
    private readonly assignment: AssignmentService,
    private readonly log: EventLog,
    private readonly settings: SettingsService,
    private readonly mentions: MentionRepository,
  ) {}

  // --- reads ---

  async list(actor: Principal, q: ListTicketsQuery): Promise<Page<Ticket>> {
    const manager = isManager(actor);
    if (q.view === 'all' && !manager) throw new ForbiddenException('The "all" view is for managers and admins');
    const after = decodeSortCursor(q.sort, q.cursor);
    const rows = await this.queue.page(listIdsSql(q, actor, manager, after, q.limit + 1), q.sort);
    const more = rows.length > q.limit;
    const items = more ? rows.slice(0, q.limit) : rows;
    const last = items[items.length - 1];
    return {
      items: items.map(toTicket),
      nextCursor: more && last ? cursorOf(q.sort, last) : null,
    };
  }

  async counts(actor: Principal): Promise<TicketCounts> {
    const manager = isManager(actor);
    const c = await this.queue.counts(actor, manager);
    return { mine: c.mine, unassigned: c.unassigned, team: c.team, ...(manager ? { all: c.all } : {}) };
  }

  async detail(actor: Principal, id: string): Promise<TicketDetail> {
    const row = await this.tickets.findVisible(null, actor, id);
    if (!row) throw new TicketNotFoundException();
    const [dto, fetched, author, earlier, channel] = await Promise.all([
      this.dto(null, id),
      this.fetchThread(id, FROM_TOP, DETAIL_ITEMS + 1),
      this.queue.author(row.authorId),
      this.queue.earlierTickets(actor, row.authorId, id, EARLIER_TICKETS),
      this.queue.replyChannel(id, row.sourceId),
    ]);
    if (!author) throw new TicketNotFoundException();
    const pos: ThreadPosition = { ...FROM_TOP };
    const shown = {} as Record<ThreadKind, Fetched[]>;
    for (const k of THREAD_KINDS) {
      const list = fetched[k].slice(0, DETAIL_ITEMS);
      const oldest = list[list.length - 1];
      pos[k] =
        fetched[k].length > DETAIL_ITEMS && oldest
          ? { kind: 'before', us: oldest.us, id: oldest.id }
          : { kind: 'done' };
      shown[k] = list.reverse();
    }
    const pick = <K extends ThreadKind>(k: K) => shown[k] as Extract<Fetched, { kind: K }>[];
    const authorCard: AuthorCard = {
      id: author.id,
      handle: author.handle,
      displayName: author.displayName,
      profileUrl: author.profileUrl,
      followers: author.followers,
      influence: author.influence,
      verified: author.verified,
      sourceKind: author.sourceKind,
      mentionCount: author.mentionCount,
      firstSeenAt: author.firstSeenAt.toISOString(),
      earlierTickets: earlier.map((e) => ({
        id: e.id,
        number: e.number,
        subject: e.subject,
        status: e.status,
        createdAt: e.createdAt.toISOString(),
      })),
    };
    let replyLimit: number | null = null;
    if (channel) {
      // Webhook replies need the reply URL the sender gave; RSS has no reply channel at all.
      const manual = channel.kind === 'webhook' && !channel.replyUrl;
      replyLimit = manual ? null : CONNECTORS[channel.kind].replyLimit(channel.config);
    }
    return {
      ...dto,
      mentions: pick('mention').map((f) => toMention(f.row)),
      replies: pick('reply').map((f) => toReply(f.row)),
      notes: pick('note').map((f) => toNote(f.row)),
      events: pick('event').map((f) => toEvent(f.row)),
      threadCursor: THREAD_KINDS.some((k) => pos[k].kind !== 'done') ? encodeThreadCursor(pos) : null,
      authorCard,
      sla: slaState(row, new Date()),
      replyLimit,
    };
  }

  async thread(actor: Principal, id: string, q: { cursor?: string; limit: number }): Promise<Page<ThreadItem>> {
    const pos = decodeThreadCursor(q.cursor);
    if (!(await this.tickets.findVisible(null, actor, id))) throw new TicketNotFoundException();
    const fetched = await this.fetchThread(id, pos, q.limit + 1);
    const { items, next } = mergePage(pos, fetched, q.limit);
    return { items: items.map(toItem), nextCursor: next ? encodeThreadCursor(next) : null };
  }

  /** Up to `n` items of each kind older than its position, newest first. */
  private async fetchThread(id: string, pos: ThreadPosition, n: number): Promise<Record<ThreadKind, Fetched[]>> {
    const bound = (p: KindPosition): ThreadBound | undefined =>
      p.kind === 'before' ? { us: p.us, id: p.id } : undefined;
    const skip = (k: ThreadKind) => pos[k].kind === 'done';
    const m = pos.mention;
    const mentionQuery = { ticketId: id, spam: 'any', limit: n - 1 } as ListMentionsQuery;
    const [mentions, replies, notes, events] = await Promise.all([
      skip('mention') ? [] : this.mentions.list(mentionQuery, m.kind === 'before' ? [usToIso(m.us), m.id] : undefined),
      skip('reply') ? [] : this.queue.replies(id, bound(pos.reply), n),
      skip('note') ? [] : this.queue.notes(id, bound(pos.note), n),
      skip('event') ? [] : this.queue.events(id, bound(pos.event), n),
    ]);
    return {
      mention: mentions.map((row) => ({ kind: 'mention' as const, us: dateToUs(row.postedAt), id: row.id, row })),
      reply: replies.map((row) => ({ kind: 'reply' as const, us: row.us, id: row.id, row })),
      note: notes.map((row) => ({ kind: 'note' as const, us: row.us, id: row.id, row })),
      event: events.map((row) => ({ kind: 'event' as const, us: row.us, id: row.id, row })),
    };
  }

  // --- changes ---

  async update(actor: Principal, id: string, input: UpdateTicketRequest): Promise<Ticket> {
    return this.queue.transaction(async (em) => {
      const before = await this.tickets.findVisible(em, actor, id, { lock: true });
      if (!before) throw new TicketNotFoundException();
      // SPEC §9: a stale version answers 409 whatever else is wrong with the request.
      if (before.version !== input.version) throw new StaleTicketException(await this.dto(em, id));
      // One transaction is one connection: its queries run one after another.
      const settings = await this.settings.get(em);
      const teamIds = await this.queue.teamIdsOf(em, actor.userId);
      const tags = await this.queue.tagsOf(em, [id]);
      const change: ChangeRequest = {
        status: input.status,
        priority: input.priority,
        teamId: input.teamId,
        assigneeId: input.assigneeId,
        snoozedUntil: input.snoozedUntil,
      };
      const result = planChange(before, change, {
        actor,
        actorTeamIds: new Set(teamIds),
        now: new Date(),
        requireOutcomeTag: settings.requireOutcomeTag,
        hasOutcomeTag: (tags.get(id) ?? []).some((t) => t.kind === 'outcome'),
      });
      if (!result.ok) throw toException(result.violation);
      const { plan } = result;
      await this.checkReferences(em, plan.set);
      if (!Object.keys(plan.set).length) return this.dto(em, id);
      if (plan.set.priority !== undefined && !before.firstRespondedAt) {
        plan.set.first_response_due_at = firstResponseDue(before.createdAt, plan.after.priority, settings);
      }
      const events: PendingEvent[] = [];
      const after = await this.writer.update(em, before, plan.set, {
        expectVersion: input.version,
        changed: plan.changed,
        events,
        ticketEvents: plan.events.map((e) => ({ ticketId: id, type: e.type, actorId: actor.userId, data: e.data })),
      });
      if (!after) throw new StaleTicketException(await this.dto(em, id));
      await this.sideEffects(em, actor, [{ before, after }], events);
      await this.log.record(em, events);
      return this.dto(em, id);
    });
  }

  async merge(actor: Principal, id: string, intoId: string): Promise<Ticket> {
    return this.queue.transaction(async (em) => {
      const rows = await this.queue.lockVisible(em, actor, [id, intoId]);
      const from = rows.find((r) => r.id === id);
      const into = rows.find((r) => r.id === intoId);
      if (!from || !into) throw new TicketNotFoundException();
      if (id === intoId) throw new TicketRuleException('a ticket cannot be merged into itself');
      for (const t of [from, into]) {
        if (t.status === 'closed' || t.mergedIntoId) {
          throw new TicketRuleException(
            `ticket #${t.number} is ${t.mergedIntoId ? 'merged' : 'closed'} and cannot be merged`,
            {
              ticketId: t.id,
            },
          );
        }
      }
      const moved = await this.queue.moveThread(em, from.id, into.id);
      const absorbed = await this.queue.absorb(em, from.id, into.id);
      const events: PendingEvent[] = [];
      const now = new Date();
      const fromAfter = await this.writer.update(
        em,
        from,
        { status: 'closed', closed_at: now, merged_into_id: into.id, snoozed_until: null, mention_count: 0 },
        {
          changed: ['status', ...(from.snoozedUntil ? ['snoozedUntil'] : []), ...(moved.tagsMoved ? ['tags'] : [])],
          events,
          ticketEvents: [
            {
              ticketId: from.id,
              type: 'status_changed',
              actorId: actor.userId,
              data: { from: from.status, to: 'closed' },
            },
            { ticketId: from.id, type: 'merged', actorId: actor.userId, data: { intoTicketId: into.id } },
          ],
        },
      );
      const intoAfter = await this.writer.update(
        em,
        into,
        {},
        {
          changed: [
            ...(absorbed.lastActivityChanged ? ['lastActivityAt'] : []),
            ...(absorbed.waitingChanged ? ['waitingSince'] : []),
            ...(moved.tagsAdded ? ['tags'] : []),
          ],
          events,
          ticketEvents: [{ ticketId: into.id, type: 'merged', actorId: actor.userId, data: { fromTicketId: from.id } }],
        },
      );
      if (!fromAfter || !intoAfter) throw new Error('merge: a locked ticket vanished');
      await this.sideEffects(em, actor, [{ before: from, after: fromAfter }], events);
      await this.log.record(em, events);
      return this.dto(em, into.id);
    });
  }

  /**
   * `POST /api/tickets/bulk`: every ticket gets the PATCH rules (without a version: the selection is locked, in
   * id order). One failing ticket fails the request and nothing is written.
   */
  async bulk(actor: Principal, body: BulkTicketsRequest): Promise<BulkTicketsResult> {
    const manager = isManager(actor);
    const { action } = body;
    if (action.teamId !== undefined && !manager) {
      throw new ForbiddenException('Only managers and admins move tickets between teams');
    }
    if (
      !manager &&
      action.assigneeId !== undefined &&
      action.assigneeId !== null &&
      action.assigneeId !== actor.userId
    ) {
      throw new ForbiddenException('Agents may only claim unassigned tickets of their teams or unassign themselves');
    }
    if (body.filter?.view === 'all' && !manager)
      throw new ForbiddenException('The "all" view is for managers and admins');
    const addIds = [...new Set(action.addTagIds ?? [])];
    const removeIds = [...new Set(action.removeTagIds ?? [])];
    const both = addIds.filter((t) => removeIds.includes(t));
    if (both.length) {
      throw new ValidationException([
        { path: 'action.removeTagIds', message: `also in addTagIds: ${both.join(', ')}` },
      ]);
    }

    return this.queue.transaction(async (em) => {
      let ids: string[];
      if (body.ids) {
        ids = [...new Set(body.ids)];
      } else {
        ids = await this.queue.ids(em, filterIdsSql(body.filter!, actor, manager, BULK_MAX + 1));
        if (ids.length > BULK_MAX) {
          throw new TicketRuleException(`the filter matches more than ${BULK_MAX} tickets; narrow it down`, {
            max: BULK_MAX,
          });
        }
      }
      const rows = await this.queue.lockVisible(em, actor, ids);
      if (body.ids && rows.length !== ids.length) throw new TicketNotFoundException();

      const tagRows = await this.queue.tagsByIds(em, [...addIds, ...removeIds]);
      const tagById = new Map(tagRows.map((t) => [t.id, t]));
      const unknown = [...addIds, ...removeIds].filter((t) => !tagById.has(t));
      if (unknown.length) {
        throw new ValidationException([{ path: 'action.addTagIds', message: `unknown tags: ${unknown.join(', ')}` }]);
      }
      if (actor.role === 'marketing' && tagRows.some((t) => t.kind === 'outcome')) {
        throw new ForbiddenException('Marketing may only change topic and campaign tags');
      }
      const settings = await this.settings.get(em);
      const teamIds = await this.queue.teamIdsOf(em, actor.userId);
      const current = await this.queue.tagsOf(
        em,
        rows.map((r) => r.id),
      );
      await this.checkReferences(em, {
        ...(action.teamId !== undefined ? { team_id: action.teamId } : {}),
        ...(action.assigneeId ? { assignee_id: action.assigneeId } : {}),
      });

      const now = new Date();
      const change: ChangeRequest = {
        status: action.status,
        priority: action.priority,
        teamId: action.teamId,
        assigneeId: action.assigneeId,
      };
      const failures: { id: string; number: number; reason: string }[] = [];
      const work: {
        before: TicketRow;
        set: Record<string, unknown>;
        changed: string[];
        ticketEvents: TicketEventInput[];
        add: TagRow[];
        remove: TagRow[];
      }[] = [];
      for (const before of rows) {
        const has = current.get(before.id) ?? [];
        const add = addIds.filter((t) => !has.some((h) => h.id === t)).map((t) => tagById.get(t)!);
        const remove = has.filter((h) => removeIds.includes(h.id));
        const after = [...has.filter((h) => !remove.includes(h)), ...add];
        const result = planChange(before, change, {
          actor,
          actorTeamIds: new Set(teamIds),
          now,
          requireOutcomeTag: settings.requireOutcomeTag,
          hasOutcomeTag: after.some((t) => t.kind === 'outcome'),
        });
        if (!result.ok) {
          const v = result.violation;
          failures.push({
            id: before.id,
            number: before.number,
            reason: v.field ? `${v.field} ${v.message}` : v.message,
          });
          continue;
        }
        const { plan } = result;
        if (plan.set.priority !== undefined && !before.firstRespondedAt) {
          plan.set.first_response_due_at = firstResponseDue(before.createdAt, plan.after.priority, settings);
        }
        const tagChanged = add.length > 0 || remove.length > 0;
        if (!Object.keys(plan.set).length && !tagChanged) continue;
        const tagEvent = (type: 'tagged' | 'untagged', t: TagRow): TicketEventInput => ({
          ticketId: before.id,
          type,
          actorId: actor.userId,
          data: { tagId: t.id, name: t.name, kind: t.kind },
        });
        work.push({
          before,
          set: plan.set,
          changed: [...plan.changed, ...(tagChanged ? ['tags'] : [])],
          ticketEvents: [
            ...plan.events.map((e) => ({ ticketId: before.id, type: e.type, actorId: actor.userId, data: e.data })),
            ...add.map((t) => tagEvent('tagged', t)),
            ...remove.map((t) => tagEvent('untagged', t)),
          ],
          add,
          remove,
        });
      }
      if (failures.length) {
        throw new TicketRuleException(
          `${failures.length} of ${rows.length} tickets cannot be changed; nothing was changed`,
          { failures },
        );
      }

      await this.queue.addTags(
        em,
        work.flatMap((w) => w.add.map((t) => ({ ticketId: w.before.id, tagId: t.id }))),
        actor.userId,
      );
      await this.queue.removeTags(
        em,
        work.flatMap((w) => w.remove.map((t) => ({ ticketId: w.before.id, tagId: t.id }))),
      );
      const applied: Applied[] = [];
      const changes: TicketChange[] = [];
      for (const w of work) {
        const after = await this.tickets.update(em, w.before.id, w.set);
        if (!after) throw new Error('bulk: a locked ticket vanished');
        applied.push({ before: w.before, after });
        changes.push({ before: w.before, after, changed: w.changed });
      }
      await this.tickets.addEvents(
        em,
        work.flatMap((w) => w.ticketEvents),
      );
      const events: PendingEvent[] = [];
      await this.writer.announce(em, changes, events);
      await this.sideEffects(em, actor, applied, events);
      await this.log.record(em, events);
      return { updated: applied.length, ids: applied.map((a) => a.after.id) };
    });
  }

  // --- shared ---

  private async dto(db: Queryable | null, id: string): Promise<Ticket> {
    const dto = (await this.tickets.dtos(db, [id])).get(id);
    if (!dto) throw new TicketNotFoundException();
    return dto;
  }

  /** A new team must exist and a new assignee must be an active user (400 naming the field). */
  private async checkReferences(em: EntityManager, set: Record<string, unknown>): Promise<void> {
    const teamId = set.team_id;
    if (typeof teamId === 'string' && !(await this.queue.teamExists(em, teamId))) {
      throw new ValidationException([{ path: 'teamId', message: 'is not an existing team' }]);
    }
    const assigneeId = set.assignee_id;
    if (typeof assigneeId === 'string' && !(await this.queue.isActiveUser(em, assigneeId))) {
      throw new ValidationException([{ path: 'assigneeId', message: 'is not an active user' }]);
    }
  }

  /**
   * What follows any change: `ticket.assigned` and the `assigned` notification for a new assignee, and
   * capacity-aware assignment for whoever got capacity back or tickets that now wait unassigned (SPEC §5).
   */
  private async sideEffects(em: EntityManager, actor: Principal, applied: Applied[], events: PendingEvent[]) {
    const notes: NewNotification[] = [];
    const freed = new Set<string>();
    const waiting = new Set<string>();
    for (const { before, after } of applied) {
      if (after.assigneeId !== before.assigneeId) {
        events.push(
          event('ticket.assigned', roomsBeforeAndAfter(before, after), {
            ticketId: after.id,
            teamId: after.teamId,
            assigneeId: after.assigneeId,
            previousAssigneeId: before.assigneeId,
          }),
        );
        if (after.assigneeId) {
          notes.push({
            userId: after.assigneeId,
            kind: 'assigned',
            ticketId: after.id,
            actorId: actor.userId,
            text: `Ticket #${after.number} was assigned to you: ${after.subject}`,
          });
        }
      }
      const effect = capacityEffects(before, after);
      if (effect.freedUserId) freed.add(effect.freedUserId);
      if (effect.waitingTeamId) waiting.add(effect.waitingTeamId);
    }
    await this.notifications.notify(em, notes, events);
    if (freed.size) await this.assignment.assignWaiting(em, { userIds: [...freed] }, events);
    if (waiting.size) await this.assignment.assignWaiting(em, { teamIds: [...waiting] }, events);
  }
}
