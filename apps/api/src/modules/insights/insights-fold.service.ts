import { Injectable, Logger } from '@nestjs/common';
import { JobsService } from '../../jobs/jobs.service.js';
import { InsightsRepository } from './insights.repository.js';

export const INSIGHTS_FOLD_JOB = 'insights.fold';
const TICK_MS = 5_000;

/**
 * Folds the triggers' delta rows into the rollups. Reads add unfolded deltas, so this only keeps the delta tables
 * small; one run at a time across instances (`JobsService.tick`), and the SQL functions take advisory locks too.
 */
@Injectable()
export class InsightsFoldService {
  private readonly logger = new Logger('InsightsFold');

  constructor(
    private readonly repo: InsightsRepository,
    jobs: JobsService,
  ) {
    jobs.tick(INSIGHTS_FOLD_JOB, TICK_MS, { expireInSeconds: 120, pollingIntervalSeconds: 5 }, () => this.fold());
  }

  async fold(): Promise<void> {
    try {
      await this.repo.fold();
    } catch (err) {
      this.logger.error({ err }, 'insights fold failed');
    }
  }
}
