import { Module } from '@nestjs/common';
import { InsightsExportService } from './insights-export.service.js';
import { InsightsFoldService } from './insights-fold.service.js';
import { InsightsController } from './insights.controller.js';
import { InsightsRepository } from './insights.repository.js';
import { InsightsService } from './insights.service.js';

/** Insights (SPEC §8): rollups kept as mentions and ticket events arrive, and the `/api/insights/*` reads. */
@Module({
  controllers: [InsightsController],
  providers: [InsightsRepository, InsightsService, InsightsExportService, InsightsFoldService],
})
export class InsightsModule {}
