import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Allow, MANAGERS } from '../../common/access.decorator.js';
import { WorkloadDto, WorkloadQueryDto } from './workload.dto.js';
import { WorkloadService } from './workload.service.js';

@ApiTags('workload')
@Controller('workload')
export class WorkloadController {
  constructor(private readonly workload: WorkloadService) {}

  /** Each team member's open tickets, availability and longest-waiting customer; each team's unassigned queue. */
  @Get()
  @Allow(...MANAGERS)
  @ZodResponse({ type: WorkloadDto })
  get(@Query() query: WorkloadQueryDto) {
    return this.workload.get(query.teamId);
  }
}
