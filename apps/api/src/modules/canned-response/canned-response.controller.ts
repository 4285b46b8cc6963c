import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Allow, AnyUser, MANAGERS } from '../../common/access.decorator.js';
import { IdParamDto } from '../../common/id-param.dto.js';
import { CurrentUser, type Principal } from '../../common/principal.js';
import {
  CannedResponseDto,
  CannedResponsePageDto,
  CreateCannedResponseDto,
  ListCannedResponsesQueryDto,
  RenderCannedResponseDto,
  RenderedCannedResponseDto,
  UpdateCannedResponseDto,
} from './canned-response.dto.js';
import { CannedResponseService } from './canned-response.service.js';

/** Everyone reads and renders canned responses in the composer; managers and admins edit them (SPEC §1). */
@ApiTags('canned-responses')
@Controller('canned-responses')
export class CannedResponseController {
  constructor(private readonly canned: CannedResponseService) {}

  @Get()
  @AnyUser()
  @ZodResponse({ type: CannedResponsePageDto })
  list(@Query() query: ListCannedResponsesQueryDto) {
    return this.canned.list(query);
  }

  @Get(':id')
  @AnyUser()
  @ZodResponse({ type: CannedResponseDto })
  get(@Param() { id }: IdParamDto) {
    return this.canned.get(id);
  }

  @Post()
  @Allow(...MANAGERS)
  @ZodResponse({ status: 201, type: CannedResponseDto })
  create(@Body() body: CreateCannedResponseDto) {
    return this.canned.create(body);
  }

  @Patch(':id')
  @Allow(...MANAGERS)
  @ZodResponse({ type: CannedResponseDto })
  update(@Param() { id }: IdParamDto, @Body() body: UpdateCannedResponseDto) {
    return this.canned.update(id, body);
  }

  @Delete(':id')
  @Allow(...MANAGERS)
  @HttpCode(204)
  async remove(@Param() { id }: IdParamDto): Promise<void> {
    await this.canned.remove(id);
  }

  /** The body with `{{variables}}` filled for a ticket the caller may see. */
  @Post(':id/render')
  @AnyUser()
  @HttpCode(200)
  @ZodResponse({ status: 200, type: RenderedCannedResponseDto })
  render(@CurrentUser() actor: Principal, @Param() { id }: IdParamDto, @Body() body: RenderCannedResponseDto) {
    return this.canned.render(actor, id, body.ticketId);
  }
}
