import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Allow, AnyUser, MANAGERS } from '../../common/access.decorator.js';
import { IdParamDto } from '../../common/id-param.dto.js';
import { CurrentUser, type Principal } from '../../common/principal.js';
import { CreateTagDto, ListTagsQueryDto, TagDto, TagPageDto, UpdateTagDto } from './tag.dto.js';
import { TagService } from './tag.service.js';

/** Everyone reads tags (pickers, filters); managers and admins manage them (SPEC §1). */
@ApiTags('tags')
@Controller('tags')
export class TagController {
  constructor(private readonly tags: TagService) {}

  @Get()
  @AnyUser()
  @ZodResponse({ type: TagPageDto })
  list(@Query() query: ListTagsQueryDto) {
    return this.tags.list(query);
  }

  @Get(':id')
  @AnyUser()
  @ZodResponse({ type: TagDto })
  get(@Param() { id }: IdParamDto) {
    return this.tags.get(id);
  }

  @Post()
  @Allow(...MANAGERS)
  @ZodResponse({ status: 201, type: TagDto })
  create(@Body() body: CreateTagDto) {
    return this.tags.create(body);
  }

  @Patch(':id')
  @Allow(...MANAGERS)
  @ZodResponse({ type: TagDto })
  update(@Param() { id }: IdParamDto, @Body() body: UpdateTagDto) {
    return this.tags.update(id, body);
  }

  /** Also takes the tag off every ticket, each announced with `ticket.updated`. */
  @Delete(':id')
  @Allow(...MANAGERS)
  @HttpCode(204)
  async remove(@CurrentUser() actor: Principal, @Param() { id }: IdParamDto): Promise<void> {
    await this.tags.remove(actor, id);
  }
}
