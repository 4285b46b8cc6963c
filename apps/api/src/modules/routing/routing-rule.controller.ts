import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Allow, MANAGERS } from '../../common/access.decorator.js';
import { IdParamDto } from '../../common/id-param.dto.js';
import {
  CreateRoutingRuleDto,
  ReorderRoutingRulesDto,
  RoutingDryRunDto,
  RoutingDryRunResultDto,
  RoutingRuleDto,
  RoutingRuleListDto,
  UpdateRoutingRuleDto,
} from './routing-rule.dto.js';
import { RoutingRuleService } from './routing-rule.service.js';

/** Routing rules are a manager's setting (SPEC §1): managers and admins read and change them, nobody else. */
@ApiTags('routing-rules')
@Controller('routing-rules')
export class RoutingRuleController {
  constructor(private readonly rules: RoutingRuleService) {}

  /** Every rule in evaluation order; `nextCursor` is always null (rules are few). */
  @Get()
  @Allow(...MANAGERS)
  @ZodResponse({ type: RoutingRuleListDto })
  list() {
    return this.rules.list();
  }

  /** Which of the latest stored (non-spam) mentions draft conditions would match, before saving a rule. */
  @Post('dry-run')
  @Allow(...MANAGERS)
  @HttpCode(200)
  @ZodResponse({ status: 200, type: RoutingDryRunResultDto })
  dryRun(@Body() body: RoutingDryRunDto) {
    return this.rules.dryRun(body);
  }

  /** `{ids}`: every rule's id exactly once, in the new order. */
  @Put('order')
  @Allow(...MANAGERS)
  @ZodResponse({ type: RoutingRuleListDto })
  reorder(@Body() body: ReorderRoutingRulesDto) {
    return this.rules.reorder(body);
  }

  @Get(':id')
  @Allow(...MANAGERS)
  @ZodResponse({ type: RoutingRuleDto })
  get(@Param() { id }: IdParamDto) {
    return this.rules.get(id);
  }

  /** Inserted at `position` (0 = first; default last); the rules from there move one down. */
  @Post()
  @Allow(...MANAGERS)
  @ZodResponse({ status: 201, type: RoutingRuleDto })
  create(@Body() body: CreateRoutingRuleDto) {
    return this.rules.create(body);
  }

  @Patch(':id')
  @Allow(...MANAGERS)
  @ZodResponse({ type: RoutingRuleDto })
  update(@Param() { id }: IdParamDto, @Body() body: UpdateRoutingRuleDto) {
    return this.rules.update(id, body);
  }

  /** The rules after it move up one. */
  @Delete(':id')
  @Allow(...MANAGERS)
  @HttpCode(204)
  async remove(@Param() { id }: IdParamDto): Promise<void> {
    await this.rules.remove(id);
  }
}
