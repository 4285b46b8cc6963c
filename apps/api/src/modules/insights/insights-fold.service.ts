import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { JobsService } from '../../jobs/jobs.service.js';
import { InsightsRepository } from './insights.repository.js';

export const INSIGHTS_FOLD_JOB = 'insights.fold';
const TICK_MS = 5_000;

/**
 * Folds the triggers' delta rows into the rollups. Reads add unfolded deltas, so this only keeps the delta tables
 * small; every instance ticks, but one stately queue with one key runs a single fold at a time (and the SQL
 * function takes an advisory lock as well).
 */
@Injectable()
export class InsightsFoldService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('InsightsFold');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly repo: InsightsRepository,
    private readonly jobs: JobsService,
  ) {
    jobs.worker(
      INSIGHTS_FOLD_JOB,
      { concurrency: 1, expireInSeconds: 120, pollingIntervalSeconds: 5, policy: 'stately' },
      () => this.fold(),
    );
  }

  onApplicationBootstrap() {
    this.timer = setInterval(() => void this.enqueue(), TICK_MS);
    this.timer.unref();
  }

  onApplicationShutdown() {
    clearInterval(this.timer);
  }

  private async enqueue() {
    try {
      await this.jobs.send(INSIGHTS_FOLD_JOB, {}, INSIGHTS_FOLD_JOB);
    } catch (err) {
      this.logger.warn({ err }, 'could not queue the insights fold');
    }
  }

  async fold(): Promise<void> {
    try {
      await this.repo.fold();
    } catch (err) {
      this.logger.error({ err }, 'insights fold failed');
    }
  }
}
