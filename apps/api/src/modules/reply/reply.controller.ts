import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { AnyUser } from '../../common/access.decorator.js';
import { IdParamDto } from '../../common/id-param.dto.js';
import { CurrentUser, type Principal } from '../../common/principal.js';
import { CreateReplyDto, CreateReplyResultDto, ReplyDto, ReplyParamsDto } from './reply.dto.js';
import { ReplyService } from './reply.service.js';

/** Replies to the source (SPEC §6): anyone who may see the ticket may answer on it. */
@ApiTags('tickets')
@Controller('tickets')
export class ReplyController {
  constructor(private readonly replies: ReplyService) {}

  /** 201 `queued` (sent by the outbox) or `manual` (no reply channel: text to paste + the post's link). */
  @Post(':id/replies')
  @AnyUser()
  @ZodResponse({ status: 201, type: CreateReplyResultDto })
  create(@CurrentUser() actor: Principal, @Param() { id }: IdParamDto, @Body() body: CreateReplyDto) {
    return this.replies.create(actor, id, body);
  }

  /** A `failed` reply back to `queued` with the same idempotency key; 409 for any other status. */
  @Post(':id/replies/:replyId/retry')
  @AnyUser()
  @HttpCode(200)
  @ZodResponse({ type: ReplyDto })
  retry(@CurrentUser() actor: Principal, @Param() { id, replyId }: ReplyParamsDto) {
    return this.replies.retry(actor, id, replyId);
  }
}
