import { EventsPageSchema, EventsQuerySchema } from '@dengar/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { AnyUser } from '../../common/access.decorator.js';
import { CurrentUser, type Principal } from '../../common/principal.js';
import { RealtimeGateway } from '../../realtime/realtime.gateway.js';
import { EventLog } from './event-log.service.js';

class EventsQueryDto extends createZodDto(EventsQuerySchema) {}
class EventsPageDto extends createZodDto(EventsPageSchema) {}

@ApiTags('events')
@Controller('events')
export class EventController {
  constructor(
    private readonly log: EventLog,
    private readonly gateway: RealtimeGateway,
  ) {}

  /** What the caller missed since `seq` (SPEC §7), only events of rooms they are in. */
  @Get()
  @AnyUser()
  @ZodResponse({ type: EventsPageDto })
  async since(@CurrentUser() actor: Principal, @Query() query: EventsQueryDto) {
    return this.log.since(await this.gateway.roomsOf(actor), query.since, query.limit);
  }
}
