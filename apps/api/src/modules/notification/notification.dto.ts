import {
  ListNotificationsQuerySchema,
  MarkNotificationsReadRequestSchema,
  MarkNotificationsReadResultSchema,
  NotificationPageSchema,
} from '@dengar/contracts';
import { createZodDto } from 'nestjs-zod';

export class NotificationPageDto extends createZodDto(NotificationPageSchema) {}
export class ListNotificationsQueryDto extends createZodDto(ListNotificationsQuerySchema) {}
export class MarkNotificationsReadDto extends createZodDto(MarkNotificationsReadRequestSchema) {}
export class MarkNotificationsReadResultDto extends createZodDto(MarkNotificationsReadResultSchema) {}
