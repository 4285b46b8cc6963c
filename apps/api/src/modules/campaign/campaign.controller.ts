import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Allow, AnyUser, MANAGERS } from '../../common/access.decorator.js';
import { IdParamDto } from '../../common/id-param.dto.js';
import {
  CampaignDto,
  CampaignPageDto,
  CreateCampaignDto,
  ListCampaignsQueryDto,
  UpdateCampaignDto,
} from './campaign.dto.js';
import { CampaignService } from './campaign.service.js';

/** Everyone reads campaigns (filters, insights); managers and admins manage them (SPEC §1). */
@ApiTags('campaigns')
@Controller('campaigns')
export class CampaignController {
  constructor(private readonly campaigns: CampaignService) {}

  @Get()
  @AnyUser()
  @ZodResponse({ type: CampaignPageDto })
  list(@Query() query: ListCampaignsQueryDto) {
    return this.campaigns.list(query);
  }

  @Get(':id')
  @AnyUser()
  @ZodResponse({ type: CampaignDto })
  get(@Param() { id }: IdParamDto) {
    return this.campaigns.get(id);
  }

  @Post()
  @Allow(...MANAGERS)
  @ZodResponse({ status: 201, type: CampaignDto })
  create(@Body() body: CreateCampaignDto) {
    return this.campaigns.create(body);
  }

  @Patch(':id')
  @Allow(...MANAGERS)
  @ZodResponse({ type: CampaignDto })
  update(@Param() { id }: IdParamDto, @Body() body: UpdateCampaignDto) {
    return this.campaigns.update(id, body);
  }

  @Delete(':id')
  @Allow(...MANAGERS)
  @HttpCode(204)
  async remove(@Param() { id }: IdParamDto): Promise<void> {
    await this.campaigns.remove(id);
  }
}
