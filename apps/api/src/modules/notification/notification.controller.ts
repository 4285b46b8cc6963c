import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { AnyUser } from '../../common/access.decorator.js';
import { CurrentUser, type Principal } from '../../common/principal.js';
import {
  ListNotificationsQueryDto,
  MarkNotificationsReadDto,
  MarkNotificationsReadResultDto,
  NotificationPageDto,
} from './notification.dto.js';
import { NotificationService } from './notification.service.js';

/** The caller's own notifications (assigned, mentioned, SLA breached), newest first, with the unread count. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationController {
  constructor(private readonly notifications: NotificationService) {}

  @Get()
  @AnyUser()
  @ZodResponse({ type: NotificationPageDto })
  list(@CurrentUser() actor: Principal, @Query() query: ListNotificationsQueryDto) {
    return this.notifications.list(actor, query);
  }

  /** Marks these (or, without `ids`, all) of the caller's notifications read. */
  @Post('read')
  @AnyUser()
  @HttpCode(200)
  @ZodResponse({ status: 200, type: MarkNotificationsReadResultDto })
  markRead(@CurrentUser() actor: Principal, @Body() body: MarkNotificationsReadDto) {
    return this.notifications.markRead(actor, body.ids);
  }
}
