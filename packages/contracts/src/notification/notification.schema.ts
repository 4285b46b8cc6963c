import { z } from 'zod';
import { PageQuerySchema, QueryBooleanSchema, pageOf } from '../common/common.schema.js';

export const NOTIFICATION_KINDS = ['assigned', 'mentioned', 'sla_breached'] as const;
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

export const NotificationSchema = z.object({
  id: z.uuid(),
  kind: NotificationKindSchema,
  ticketId: z.uuid().nullable(),
  actorId: z.uuid().nullable(),
  text: z.string(),
  readAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const ListNotificationsQuerySchema = PageQuerySchema.extend({ unread: QueryBooleanSchema.optional() });
export const NotificationPageSchema = pageOf(NotificationSchema).extend({ unread: z.number().int() });

/** `POST /api/notifications/read`: these ids, or all when `ids` is absent. */
export const MarkNotificationsReadRequestSchema = z.strictObject({ ids: z.array(z.uuid()).max(500).optional() });
export const MarkNotificationsReadResultSchema = z.object({ updated: z.number().int(), unread: z.number().int() });
