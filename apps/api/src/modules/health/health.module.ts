import { Module } from '@nestjs/common';
import { SetupModule } from '../setup/setup.module.js';
import { HealthController } from './health.controller.js';
import { HealthService } from './health.service.js';

@Module({ imports: [SetupModule], controllers: [HealthController], providers: [HealthService] })
export class HealthModule {}
