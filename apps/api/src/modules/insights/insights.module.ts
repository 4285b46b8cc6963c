import { Module } from '@nestjs/common';

/** Insights (SPEC §8): rollups kept as mentions and ticket events arrive, and the `/api/insights/*` reads. */
@Module({})
export class InsightsModule {}
