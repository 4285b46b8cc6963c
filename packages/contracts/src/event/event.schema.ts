import { z } from 'zod';
import { EventNameSchema } from '../realtime/events.js';

export const EventsQuerySchema = z.object({
  since: z.coerce.number().int().min(0, 'expected a seq ≥ 0'),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export const LoggedEventSchema = z.object({
  seq: z.number().int(),
  name: EventNameSchema,
  at: z.iso.datetime({ offset: true }),
  data: z.record(z.string(), z.unknown()),
});
export type LoggedEvent = z.infer<typeof LoggedEventSchema>;

/**
 * What a client missed since `since` (SPEC §7), only events it may see. `reload` is true when `since` is older
 * than the kept window: the client must refetch everything instead. `more` means ask again from the last seq.
 */
export const EventsPageSchema = z.object({
  events: z.array(LoggedEventSchema),
  latestSeq: z.number().int(),
  reload: z.boolean(),
  more: z.boolean(),
});
export type EventsPage = z.infer<typeof EventsPageSchema>;
