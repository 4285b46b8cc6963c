import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../common/common.schema.js';
import {
  AuthorSummarySchema,
  MentionSchema,
  MentionTypeSchema,
  SentimentLabelSchema,
  SentimentSchema,
} from '../mention/mention.schema.js';
import { SourceKindSchema } from '../source/source.schema.js';
import { TagRefSchema } from '../tag/tag.schema.js';

export const TICKET_STATUSES = ['new', 'open', 'pending', 'snoozed', 'resolved', 'closed'] as const;
export const TicketStatusSchema = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof TicketStatusSchema>;
/** What the queue views show unless a status filter says otherwise, and what the counts count. */
export const ACTIVE_STATUSES = ['new', 'open', 'pending'] as const satisfies readonly TicketStatus[];

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const TicketPrioritySchema = z.enum(TICKET_PRIORITIES);
export type TicketPriority = z.infer<typeof TicketPrioritySchema>;

/**
 * SPEC §3's transition table, for changes a person asks for: `new` → `open` also happens by itself when
 * someone is assigned or replies; `snoozed` → `open` when the snooze ends; `resolved` → `open` when the
 * customer writes; `resolved` → `closed` after 7 days. `closed` is final.
 */
export const STATUS_TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['open', 'snoozed', 'resolved'],
  open: ['pending', 'snoozed', 'resolved'],
  pending: ['open', 'snoozed', 'resolved'],
  snoozed: ['open', 'resolved'],
  resolved: ['open', 'closed'],
  closed: [],
};

export const SlaStateSchema = z.object({
  /** `met`: answered in time; `breached`: late (answered or not); `due`: still running; `none`: no target. */
  state: z.enum(['none', 'due', 'met', 'breached']),
  dueAt: z.iso.datetime({ offset: true }).nullable(),
  respondedAt: z.iso.datetime({ offset: true }).nullable(),
  breachedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type SlaState = z.infer<typeof SlaStateSchema>;

export const TicketSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: TicketStatusSchema,
  priority: TicketPrioritySchema,
  teamId: z.uuid(),
  assigneeId: z.uuid().nullable(),
  brandId: z.uuid().nullable(),
  sourceId: z.uuid(),
  sourceKind: SourceKindSchema,
  authorId: z.uuid(),
  author: AuthorSummarySchema,
  subject: z.string(),
  sentiment: SentimentSchema,
  /** The type of the thread's first mention. */
  type: MentionTypeSchema.nullable(),
  firstResponseDueAt: z.iso.datetime({ offset: true }).nullable(),
  firstRespondedAt: z.iso.datetime({ offset: true }).nullable(),
  slaBreachedAt: z.iso.datetime({ offset: true }).nullable(),
  resolvedAt: z.iso.datetime({ offset: true }).nullable(),
  closedAt: z.iso.datetime({ offset: true }).nullable(),
  snoozedUntil: z.iso.datetime({ offset: true }).nullable(),
  lastActivityAt: z.iso.datetime({ offset: true }),
  waitingSince: z.iso.datetime({ offset: true }).nullable(),
  version: z.number().int(),
  mentionCount: z.number().int(),
  mergedIntoId: z.uuid().nullable(),
  tags: z.array(TagRefSchema),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Ticket = z.infer<typeof TicketSchema>;

export const TICKET_VIEWS = ['mine', 'unassigned', 'team', 'all'] as const;
export const TicketViewSchema = z.enum(TICKET_VIEWS);
export type TicketView = z.infer<typeof TicketViewSchema>;

export const TICKET_SORTS = ['lastActivityAt', 'priority', 'slaDue'] as const;
export const TicketSortSchema = z.enum(TICKET_SORTS);
export type TicketSort = z.infer<typeof TicketSortSchema>;

/** `a,b` or repeated `?x=a&x=b` → array. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).min(1).max(20));

/** The queue's filters (SPEC §9), shared by the list, bulk-by-filter and "select all N matching". */
export const TicketFilterSchema = z.object({
  view: TicketViewSchema.default('team'),
  /** Default: the active statuses (new, open, pending). */
  status: listOf(TicketStatusSchema).optional(),
  teamId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
  priority: listOf(TicketPrioritySchema).optional(),
  /** A tag id. */
  tag: z.uuid().optional(),
  brandId: z.uuid().optional(),
  sourceId: z.uuid().optional(),
  sentiment: SentimentLabelSchema.optional(),
  /** Ticket number (`#123` or `123`), subject words, or the author's handle. */
  q: z.string().trim().min(1).max(200).optional(),
});
export type TicketFilter = z.infer<typeof TicketFilterSchema>;

export const ListTicketsQuerySchema = PageQuerySchema.extend(TicketFilterSchema.shape).extend({
  sort: TicketSortSchema.default('lastActivityAt'),
});
export type ListTicketsQuery = z.infer<typeof ListTicketsQuerySchema>;
export const TicketPageSchema = pageOf(TicketSchema);

/** Active tickets per view for the caller, from counters (SPEC §7); `all` only for managers and admins. */
export const TicketCountsSchema = z.object({
  mine: z.number().int(),
  unassigned: z.number().int(),
  team: z.number().int(),
  all: z.number().int().optional(),
});
export type TicketCounts = z.infer<typeof TicketCountsSchema>;

export const UpdateTicketRequestSchema = z.strictObject({
  version: z.number().int().min(1),
  status: TicketStatusSchema.optional(),
  priority: TicketPrioritySchema.optional(),
  teamId: z.uuid().optional(),
  assigneeId: z.uuid().nullable().optional(),
  /** Required with `status: snoozed`; must be in the future. */
  snoozedUntil: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type UpdateTicketRequest = z.infer<typeof UpdateTicketRequestSchema>;

export const REPLY_STATUSES = ['queued', 'sending', 'sent', 'failed', 'manual'] as const;
export const ReplyStatusSchema = z.enum(REPLY_STATUSES);
export type ReplyStatus = z.infer<typeof ReplyStatusSchema>;

export const ReplySchema = z.object({
  id: z.uuid(),
  ticketId: z.uuid(),
  authorId: z.uuid().nullable(),
  body: z.string(),
  inReplyToMentionId: z.uuid().nullable(),
  status: ReplyStatusSchema,
  externalId: z.string().nullable(),
  externalUrl: z.string().nullable(),
  error: z.string().nullable(),
  attempts: z.number().int(),
  /** For `manual` replies: the exact text to paste (with any handle prefix) and where to paste it. */
  manualText: z.string().nullable(),
  postUrl: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  sentAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Reply = z.infer<typeof ReplySchema>;

export const CreateReplyRequestSchema = z.strictObject({
  body: z.string().trim().min(1, 'must not be empty').max(10_000),
  /** The mention answered; default the thread's latest customer mention. */
  inReplyToMentionId: z.uuid().optional(),
});
export type CreateReplyRequest = z.infer<typeof CreateReplyRequestSchema>;

/** 201 body of a reply: the reply, plus a warning when someone else was typing a reply on the ticket (SPEC §5). */
export const CreateReplyResultSchema = ReplySchema.extend({
  warning: z
    .object({ code: z.literal('concurrent_typing'), message: z.string(), userIds: z.array(z.uuid()) })
    .nullable(),
});
export type CreateReplyResult = z.infer<typeof CreateReplyResultSchema>;

export const NoteSchema = z.object({
  id: z.uuid(),
  ticketId: z.uuid(),
  authorId: z.uuid().nullable(),
  body: z.string(),
  mentionedUserIds: z.array(z.uuid()),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Note = z.infer<typeof NoteSchema>;

export const CreateNoteRequestSchema = z.strictObject({
  body: z.string().trim().min(1, 'must not be empty').max(10_000),
  /** Users picked in the composer; `@handle` words in the body are resolved as well. */
  mentionedUserIds: z.array(z.uuid()).max(50).optional(),
});
export type CreateNoteRequest = z.infer<typeof CreateNoteRequestSchema>;

export const TICKET_EVENT_TYPES = [
  'created',
  'mention_added',
  'mention_edited',
  'routed',
  'assigned',
  'status_changed',
  'priority_changed',
  'replied',
  'note_added',
  'tagged',
  'untagged',
  'sla_breached',
  'merged',
] as const;
export const TicketEventTypeSchema = z.enum(TICKET_EVENT_TYPES);
export type TicketEventType = z.infer<typeof TicketEventTypeSchema>;

export const TicketEventSchema = z.object({
  id: z.uuid(),
  ticketId: z.uuid(),
  type: TicketEventTypeSchema,
  actorId: z.uuid().nullable(),
  data: z.record(z.string(), z.unknown()),
  at: z.iso.datetime({ offset: true }),
});
export type TicketEvent = z.infer<typeof TicketEventSchema>;

export const AuthorCardSchema = AuthorSummarySchema.extend({
  sourceKind: SourceKindSchema,
  mentionCount: z.number().int(),
  firstSeenAt: z.iso.datetime({ offset: true }),
  /** The author's other tickets the caller may see, newest first (at most 10). */
  earlierTickets: z.array(
    z.object({
      id: z.uuid(),
      number: z.number().int(),
      subject: z.string(),
      status: TicketStatusSchema,
      createdAt: z.iso.datetime({ offset: true }),
    }),
  ),
});
export type AuthorCard = z.infer<typeof AuthorCardSchema>;

export const TicketDetailSchema = TicketSchema.extend({
  /** The latest 200 of each, oldest first; `GET /api/tickets/:id/thread?cursor=` pages further back. */
  mentions: z.array(MentionSchema),
  replies: z.array(ReplySchema),
  notes: z.array(NoteSchema),
  events: z.array(TicketEventSchema),
  /** Older items exist: page back with `GET /api/tickets/:id/thread?cursor=<this>`. */
  threadCursor: z.string().nullable(),
  authorCard: AuthorCardSchema,
  sla: SlaStateSchema,
  /** The reply limit of the ticket's source (null: replies are manual). */
  replyLimit: z.number().int().nullable(),
});
export type TicketDetail = z.infer<typeof TicketDetailSchema>;

/** One item of the thread, newest first when paging back. */
export const ThreadItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mention'), at: z.iso.datetime({ offset: true }), mention: MentionSchema }),
  z.object({ kind: z.literal('reply'), at: z.iso.datetime({ offset: true }), reply: ReplySchema }),
  z.object({ kind: z.literal('note'), at: z.iso.datetime({ offset: true }), note: NoteSchema }),
  z.object({ kind: z.literal('event'), at: z.iso.datetime({ offset: true }), event: TicketEventSchema }),
]);
export type ThreadItem = z.infer<typeof ThreadItemSchema>;
export const ThreadQuerySchema = PageQuerySchema;
/** Items older than the cursor, newest first. */
export const ThreadPageSchema = pageOf(ThreadItemSchema);

export const MergeTicketRequestSchema = z.strictObject({ intoTicketId: z.uuid() });

const BulkActionSchema = z
  .strictObject({
    assigneeId: z.uuid().nullable().optional(),
    teamId: z.uuid().optional(),
    status: TicketStatusSchema.optional(),
    priority: TicketPrioritySchema.optional(),
    addTagIds: z.array(z.uuid()).max(50).optional(),
    removeTagIds: z.array(z.uuid()).max(50).optional(),
  })
  .refine((a) => Object.values(a).some((v) => v !== undefined), { message: 'at least one action must be given' });

export const BULK_MAX = 5000;
/** `POST /api/tickets/bulk`: by `ids`, or by `filter` (every ticket the caller sees that matches it). */
export const BulkTicketsRequestSchema = z
  .strictObject({
    ids: z.array(z.uuid()).min(1).max(BULK_MAX).optional(),
    filter: TicketFilterSchema.optional(),
    action: BulkActionSchema,
  })
  .refine((b) => (b.ids === undefined) !== (b.filter === undefined), {
    message: 'give either ids or filter',
  });
export type BulkTicketsRequest = z.infer<typeof BulkTicketsRequestSchema>;
export const BulkTicketsResultSchema = z.object({ updated: z.number().int(), ids: z.array(z.uuid()) });
export type BulkTicketsResult = z.infer<typeof BulkTicketsResultSchema>;
