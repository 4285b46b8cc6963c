import { z } from 'zod';
import { AvailabilitySchema } from '../common/common.schema.js';
import { NotificationSchema } from '../notification/notification.schema.js';
import { NoteSchema, ReplySchema, TicketSchema } from '../ticket/ticket.schema.js';

/**
 * The socket event map (SPEC §7). Event names are `resource.verb`; the gateway emits with these types and
 * the web client listens with them. Sockets notify; react-query owns the data: `ticket.created`/`ticket.updated`
 * carry the full ticket DTO so a client updates its cache without refetching; others carry ids and what changed.
 */
export const ROOM = {
  user: (id: string) => `user:${id}`,
  team: (id: string) => `team:${id}`,
  ticket: (id: string) => `ticket:${id}`,
  managers: 'managers',
  /** Everyone who reads the whole listening stream: marketing, managers, admins. */
  listening: 'listening',
} as const;

export const EVENT_NAMES = [
  'ticket.created',
  'ticket.updated',
  'ticket.assigned',
  'ticket.mention_added',
  'reply.updated',
  'note.created',
  'presence.updated',
  'sla.breached',
  'source.updated',
  'notification.created',
  'mention.created',
] as const;
export const EventNameSchema = z.enum(EVENT_NAMES);
export type EventName = z.infer<typeof EventNameSchema>;

const TicketRef = z.object({ ticketId: z.uuid(), teamId: z.uuid().nullable() });

export const EventPayloadSchemas = {
  'ticket.created': TicketRef.extend({ number: z.number().int(), ticket: TicketSchema }),
  'ticket.updated': TicketRef.extend({
    changed: z.array(z.string()),
    version: z.number().int(),
    ticket: TicketSchema,
  }),
  'ticket.assigned': TicketRef.extend({ assigneeId: z.uuid().nullable(), previousAssigneeId: z.uuid().nullable() }),
  'ticket.mention_added': TicketRef.extend({ mentionId: z.uuid() }),
  'reply.updated': TicketRef.extend({ replyId: z.uuid(), status: z.string(), reply: ReplySchema }),
  'note.created': TicketRef.extend({ noteId: z.uuid(), note: NoteSchema }),
  /**
   * Either a user's availability changed (`availability`, to `managers` and the user's teams), or who is on a
   * ticket changed (`ticketId` + the full `viewers` list, to `ticket:<id>`). Presence is ephemeral: it is
   * not written to the event log (seq 0) and a reconnecting client simply re-announces what it views.
   */
  'presence.updated': z.object({
    userId: z.uuid(),
    availability: AvailabilitySchema.optional(),
    ticketId: z.uuid().optional(),
    viewers: z.array(z.object({ userId: z.uuid(), name: z.string(), typing: z.boolean() })).optional(),
  }),
  'sla.breached': TicketRef.extend({ dueAt: z.iso.datetime({ offset: true }) }),
  'source.updated': z.object({ sourceId: z.uuid(), status: z.string() }),
  'notification.created': NotificationSchema,
  /** One per stored page: the listening stream refreshes once, whatever the page size. */
  'mention.created': z.object({ sourceId: z.uuid(), mentionIds: z.array(z.uuid()) }),
} satisfies Record<EventName, z.ZodType>;

export type EventPayload<E extends EventName> = z.infer<(typeof EventPayloadSchemas)[E]>;

/** What travels on the wire: the event log's `seq` lets a client ask for what it missed (SPEC §7). */
export interface EventEnvelope<E extends EventName = EventName> {
  seq: number;
  at: string;
  data: EventPayload<E>;
}

export type ServerToClientEvents = {
  [E in EventName]: (envelope: EventEnvelope<E>) => void;
} & {
  /** Sent just before the server cuts a socket (logout, revocation, deactivation, expiry). */
  'session.ended': (info: { reason: 'logout' | 'revoked' | 'expired' | 'deactivated' }) => void;
  /** Sent once the handshake is accepted and rooms are joined. */
  'session.ready': (info: { userId: string; rooms: string[] }) => void;
};

export const PresenceViewSchema = z.strictObject({ ticketId: z.uuid(), viewing: z.boolean() });
export const PresenceTypingSchema = z.strictObject({ ticketId: z.uuid(), typing: z.boolean() });
export type PresenceAck = { ok: true } | { ok: false; error: string };

export interface ClientToServerEvents {
  /** Start/stop viewing a ticket: joins/leaves `ticket:<id>` (after an access check) and tells the others. */
  'presence.view': (msg: z.infer<typeof PresenceViewSchema>, ack?: (r: PresenceAck) => void) => void;
  /** Typing a reply on a ticket; a `typing: true` lapses by itself after a few seconds without a repeat. */
  'presence.typing': (msg: z.infer<typeof PresenceTypingSchema>, ack?: (r: PresenceAck) => void) => void;
}
