import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { AnyUser } from '../../common/access.decorator.js';
import { IdParamDto } from '../../common/id-param.dto.js';
import { CurrentUser, type Principal } from '../../common/principal.js';
import {
  BulkTicketsDto,
  BulkTicketsResultDto,
  ListTicketsQueryDto,
  MergeTicketDto,
  ThreadPageDto,
  ThreadQueryDto,
  TicketCountsDto,
  TicketDetailDto,
  TicketDto,
  TicketPageDto,
  UpdateTicketDto,
} from './ticket.dto.js';
import { TicketService } from './ticket.service.js';

/** The ticket queue (SPEC §9). Every route is team-scoped: a ticket the caller may not see answers 404. */
@ApiTags('tickets')
@Controller('tickets')
export class TicketController {
  constructor(private readonly tickets: TicketService) {}

  @Get()
  @AnyUser()
  @ZodResponse({ type: TicketPageDto })
  list(@CurrentUser() actor: Principal, @Query() query: ListTicketsQueryDto) {
    return this.tickets.list(actor, query);
  }

  /** Active tickets per view, from the counters (never a COUNT over tickets). */
  @Get('counts')
  @AnyUser()
  @ZodResponse({ type: TicketCountsDto })
  counts(@CurrentUser() actor: Principal) {
    return this.tickets.counts(actor);
  }

  /** By `ids` or by `filter`, all or nothing. */
  @Post('bulk')
  @AnyUser()
  @HttpCode(200)
  @ZodResponse({ type: BulkTicketsResultDto })
  bulk(@CurrentUser() actor: Principal, @Body() body: BulkTicketsDto) {
    return this.tickets.bulk(actor, body);
  }

  @Get(':id')
  @AnyUser()
  @ZodResponse({ type: TicketDetailDto })
  detail(@CurrentUser() actor: Principal, @Param() { id }: IdParamDto) {
    return this.tickets.detail(actor, id);
  }

  /** Older thread items than `cursor` (from the detail's `threadCursor`), newest first. */
  @Get(':id/thread')
  @AnyUser()
  @ZodResponse({ type: ThreadPageDto })
  thread(@CurrentUser() actor: Principal, @Param() { id }: IdParamDto, @Query() query: ThreadQueryDto) {
    return this.tickets.thread(actor, id, query);
  }

  @Patch(':id')
  @AnyUser()
  @ZodResponse({ type: TicketDto })
  update(@CurrentUser() actor: Principal, @Param() { id }: IdParamDto, @Body() body: UpdateTicketDto) {
    return this.tickets.update(actor, id, body);
  }

  @Post(':id/merge')
  @AnyUser()
  @HttpCode(200)
  @ZodResponse({ type: TicketDto })
  merge(@CurrentUser() actor: Principal, @Param() { id }: IdParamDto, @Body() body: MergeTicketDto) {
    return this.tickets.merge(actor, id, body.intoTicketId);
  }
}
