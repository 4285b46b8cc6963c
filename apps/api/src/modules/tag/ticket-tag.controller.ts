import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { AnyUser } from '../../common/access.decorator.js';
import { IdParamDto } from '../../common/id-param.dto.js';
import { CurrentUser, type Principal } from '../../common/principal.js';
import { TicketDto } from '../ticket/ticket.dto.js';
import { SetTicketTagsDto } from './tag.dto.js';
import { TagService } from './tag.service.js';

@ApiTags('tickets')
@Controller('tickets')
export class TicketTagController {
  constructor(private readonly tags: TagService) {}

  /** Sets the ticket's whole tag set; marketing changes only topic and campaign tags (SPEC §1). */
  @Put(':id/tags')
  @AnyUser()
  @ZodResponse({ type: TicketDto })
  set(@CurrentUser() actor: Principal, @Param() { id }: IdParamDto, @Body() body: SetTicketTagsDto) {
    return this.tags.setTicketTags(actor, id, body);
  }
}
