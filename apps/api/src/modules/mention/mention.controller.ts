import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Allow, AnyUser } from '../../common/access.decorator.js';
import { IdParamDto } from '../../common/id-param.dto.js';
import { CurrentUser, type Principal } from '../../common/principal.js';
import { ListMentionsQueryDto, MentionDto, MentionPageDto, UpdateMentionDto } from './mention.dto.js';
import { MentionService } from './mention.service.js';

/** The listening stream (SPEC §9): newest first; `spam=false` by default, `true` is the Spam view. */
@ApiTags('mentions')
@Controller('mentions')
export class MentionController {
  constructor(private readonly mentions: MentionService) {}

  @Get()
  @AnyUser()
  @ZodResponse({ type: MentionPageDto })
  list(@CurrentUser() actor: Principal, @Query() query: ListMentionsQueryDto) {
    return this.mentions.list(actor, query);
  }

  @Get(':id')
  @AnyUser()
  @ZodResponse({ type: MentionDto })
  get(@CurrentUser() actor: Principal, @Param() { id }: IdParamDto) {
    return this.mentions.get(actor, id);
  }

  /** Restore a mention wrongly marked as spam (`{isSpam:false}`), or mark one. */
  @Patch(':id')
  @Allow('admin', 'manager', 'marketing')
  @ZodResponse({ type: MentionDto })
  update(@CurrentUser() actor: Principal, @Param() { id }: IdParamDto, @Body() body: UpdateMentionDto) {
    return this.mentions.update(actor, id, body);
  }
}
