import { HealthResponseSchema } from '@dengar/contracts';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { Public } from '../../common/access.decorator.js';
import { HealthService } from './health.service.js';

class HealthResponseDto extends createZodDto(HealthResponseSchema) {}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @ApiResponse({ status: 200, type: HealthResponseDto, description: 'ready' })
  @ApiResponse({ status: 503, type: HealthResponseDto, description: 'not ready' })
  async get(@Res({ passthrough: true }) res: Response): Promise<HealthResponseDto> {
    const body = await this.health.check();
    res.status(body.status === 'ok' ? 200 : 503);
    res.setHeader('Cache-Control', 'no-store');
    return body;
  }
}
