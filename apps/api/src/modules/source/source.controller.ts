import type { RawBodyRequest } from '@nestjs/common';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { CreateSourceRequestSchema } from '@dengar/contracts';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ValidationException } from '../../common/app.exception.js';
import { zodFields } from '../../common/http-exception.filter.js';
import type { Request } from 'express';
import { ZodResponse } from 'nestjs-zod';
import { Allow, AnyUser, Public } from '../../common/access.decorator.js';
import { IdParamDto } from '../../common/id-param.dto.js';
import { SourcePoller } from './source-poller.js';
import {
  CreatedSourceDto,
  ListSourcesQueryDto,
  PollAcceptedDto,
  SourceDto,
  SourcePageDto,
  UpdateSourceDto,
  WebhookResultDto,
  WebhookSecretDto,
} from './source.dto.js';
import { SourceService } from './source.service.js';
import { WebhookService } from './webhook.service.js';

const CREATE_SOURCE_BODY = z.toJSONSchema(CreateSourceRequestSchema, { io: 'input', unrepresentable: 'any' }) as Record<
  string,
  unknown
>;

/** Everyone reads sources (names, kinds, health; never credentials); admins manage them (SPEC §1). */
@ApiTags('sources')
@Controller('sources')
export class SourceController {
  constructor(
    private readonly sources: SourceService,
    private readonly poller: SourcePoller,
    private readonly webhooks: WebhookService,
  ) {}

  @Get()
  @AnyUser()
  @ZodResponse({ type: SourcePageDto })
  list(@Query() query: ListSourcesQueryDto) {
    return this.sources.list(query);
  }

  @Get(':id')
  @AnyUser()
  @ZodResponse({ type: SourceDto })
  get(@Param() { id }: IdParamDto) {
    return this.sources.get(id);
  }

  /** A webhook source's `webhookSecret` is in this answer only. */
  @Post()
  @Allow('admin')
  @ZodResponse({ status: 201, type: CreatedSourceDto })
  @ApiBody({ schema: CREATE_SOURCE_BODY })
  create(@Body() body: unknown) {
    // A discriminated union (config depends on kind) cannot be a DTO class: validated here, same 400 shape.
    const parsed = CreateSourceRequestSchema.safeParse(body);
    if (!parsed.success) throw new ValidationException(zodFields(parsed.error));
    return this.sources.create(parsed.data);
  }

  @Patch(':id')
  @Allow('admin')
  @ZodResponse({ type: SourceDto })
  update(@Param() { id }: IdParamDto, @Body() body: UpdateSourceDto) {
    return this.sources.update(id, body);
  }

  @Delete(':id')
  @Allow('admin')
  @HttpCode(204)
  async remove(@Param() { id }: IdParamDto): Promise<void> {
    await this.sources.remove(id);
  }

  @Post(':id/rotate-secret')
  @Allow('admin')
  @HttpCode(200)
  @ZodResponse({ type: WebhookSecretDto })
  rotate(@Param() { id }: IdParamDto) {
    return this.sources.rotateWebhookSecret(id);
  }

  /** Poll now: 202 and a worker runs it within about a second. */
  @Post(':id/poll')
  @Allow('admin')
  @HttpCode(202)
  @ZodResponse({ status: 202, type: PollAcceptedDto })
  poll(@Param() { id }: IdParamDto) {
    return this.poller.pollSoon(id);
  }

  /**
   * Inbound webhook (SPEC §4): authenticated by its Standard Webhooks signature, not a session. 202 is sent only
   * after the mentions and their tickets are committed.
   */
  @Post(':id/webhook')
  @Public()
  @HttpCode(202)
  @ZodResponse({ status: 202, type: WebhookResultDto })
  webhook(@Param() { id }: IdParamDto, @Req() req: RawBodyRequest<Request>) {
    return this.webhooks.receive(id, req.headers, req.rawBody, req.body as unknown);
  }
}
