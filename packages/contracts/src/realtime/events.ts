import { z } from 'zod';

/**
 * The socket event map (SPEC §7). Event names are `resource.verb`; the gateway emits with these types and
 * the web client listens with them. Sockets notify; react-query owns the data, so payloads carry ids and the
 * changed fields, and a client refetches what it needs.
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
  'ticket.created': TicketRef.extend({ number: z.number().int() }),
  'ticket.updated': TicketRef.extend({ changed: z.array(z.string()), version: z.number().int() }),
  'ticket.assigned': TicketRef.extend({ assigneeId: z.uuid().nullable(), previousAssigneeId: z.uuid().nullable() }),
  'ticket.mention_added': TicketRef.extend({ mentionId: z.uuid() }),
  'reply.updated': TicketRef.extend({ replyId: z.uuid(), status: z.string() }),
  'note.created': TicketRef.extend({ noteId: z.uuid() }),
  'presence.updated': z.object({
    userId: z.uuid(),
    availability: z.enum(['online', 'away', 'offline']).optional(),
    ticketId: z.uuid().optional(),
    viewing: z.boolean().optional(),
    typing: z.boolean().optional(),
  }),
  'sla.breached': TicketRef.extend({ dueAt: z.iso.datetime({ offset: true }) }),
  'source.updated': z.object({ sourceId: z.uuid(), status: z.string() }),
  'notification.created': z.object({ id: z.uuid(), kind: z.string(), ticketId: z.uuid().nullable(), text: z.string() }),
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

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- client→server events arrive with the ticket workflow
export interface ClientToServerEvents {}
