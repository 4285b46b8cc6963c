import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { DATABASE_URL } from '../database/database.tokens.js';

export type JobHandler = () => Promise<void>;

interface Recurring {
  name: string;
  cron: string;
  handler: JobHandler;
}

export interface WorkerOptions {
  /** Jobs this instance runs at once (one pg-boss worker each). */
  concurrency: number;
  /** A job running longer is expired and retried: how stuck runs are recovered. */
  expireInSeconds: number;
  pollingIntervalSeconds: number;
  /** `stately`: at most one queued and one active job per singletonKey (e.g. per source). */
  policy: 'standard' | 'stately';
  retryLimit?: number;
}

interface Worker {
  name: string;
  options: WorkerOptions;
  handler: (data: Record<string, unknown>) => Promise<void>;
}

/**
 * Background work on a PostgreSQL-backed queue (pg-boss): each scheduled run is one job, taken by exactly one
 * worker across every API instance; pg-boss expires and retries runs that got stuck (STYLE rule 9).
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  static readonly SCHEMA = 'pgboss';
  private readonly logger = new Logger('Jobs');
  private readonly boss: PgBoss;
  private readonly recurring: Recurring[] = [];
  private readonly workers: Worker[] = [];
  private readonly ticks: { name: string; everyMs: number }[] = [];
  private readonly timers: NodeJS.Timeout[] = [];
  /** pg-boss worker ids per queue, to wake this instance's workers right after a local send. */
  private readonly workerIds = new Map<string, string[]>();
  private running = false;
  private lastError: string | undefined;

  constructor(@Inject(DATABASE_URL) url: string) {
    this.boss = new PgBoss({
      connectionString: url,
      schema: JobsService.SCHEMA,
      max: 4,
      application_name: 'dengar-jobs',
    });
    this.boss.on('error', (err: Error) => {
      this.lastError = err.message;
      this.logger.warn({ err }, 'job queue error');
    });
  }

  /** Registers a job that runs on a cron schedule (UTC); call from a module's constructor. */
  every(name: string, cron: string, handler: JobHandler) {
    this.recurring.push({ name, cron, handler });
  }

  /** Registers a queue of one-off jobs (e.g. "poll this source"); call from a module's constructor. */
  worker<T extends Record<string, unknown>>(name: string, options: WorkerOptions, handler: (data: T) => Promise<void>) {
    this.workers.push({ name, options, handler: handler as Worker['handler'] });
  }

  /**
   * A job that runs every `everyMs`, one run at a time across instances: every instance queues it on that
   * interval into a stately queue under one key (a run already queued absorbs the others), and one worker runs
   * it. Finer than `every`'s cron minutes; call from a module's constructor.
   */
  tick(name: string, everyMs: number, options: Omit<WorkerOptions, 'concurrency' | 'policy'>, handler: JobHandler) {
    this.worker(name, { ...options, concurrency: 1, policy: 'stately' }, handler);
    this.ticks.push({ name, everyMs });
  }

  /** Queues a job; with a stately queue and a singletonKey, a job already queued for that key absorbs this one. */
  async send(name: string, data: Record<string, unknown>, singletonKey?: string): Promise<string | null> {
    const id = await this.boss.send(name, data, singletonKey ? { singletonKey } : {});
    // Workers poll every couple of seconds; wake ours so an idle one takes this job now.
    if (id) for (const workerId of this.workerIds.get(name) ?? []) this.boss.notifyWorker(workerId);
    return id;
  }

  async onApplicationBootstrap() {
    await this.boss.start();
    for (const w of this.workers) {
      await this.boss.createQueue(w.name, {
        name: w.name,
        policy: w.options.policy,
        expireInSeconds: w.options.expireInSeconds,
        retryLimit: w.options.retryLimit ?? 1,
        retryDelay: 1,
      });
      for (let i = 0; i < w.options.concurrency; i++) {
        const workerId = await this.boss.work<Record<string, unknown>>(
          w.name,
          { pollingIntervalSeconds: w.options.pollingIntervalSeconds, batchSize: 1 },
          async ([job]) => {
            if (!job) return;
            try {
              await w.handler(job.data);
            } catch (err) {
              this.logger.error({ err, job: w.name, data: job.data }, 'job failed');
              throw err;
            }
          },
        );
        this.workerIds.set(w.name, [...(this.workerIds.get(w.name) ?? []), workerId]);
      }
    }
    for (const job of this.recurring) {
      await this.boss.createQueue(job.name, {
        name: job.name,
        policy: 'singleton',
        expireInSeconds: 300,
        retryLimit: 2,
      });
      await this.boss.schedule(job.name, job.cron, {}, { singletonKey: job.name });
      await this.boss.work(job.name, async () => {
        try {
          await job.handler();
        } catch (err) {
          this.logger.error({ err, job: job.name }, 'job failed');
          throw err;
        }
      });
    }
    for (const t of this.ticks) {
      const timer = setInterval(() => {
        this.send(t.name, {}, t.name).catch((err: unknown) =>
          this.logger.warn({ err, job: t.name }, 'could not queue'),
        );
      }, t.everyMs);
      timer.unref();
      this.timers.push(timer);
    }
    this.running = true;
  }

  async onApplicationShutdown() {
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    if (!this.running) return;
    this.running = false;
    await this.boss.stop({ graceful: true, wait: true, timeout: 5000 }).catch(() => undefined);
  }

  /** Runs a registered job now, through the queue (used by tests and admin actions). */
  async runNow(name: string): Promise<string | null> {
    return this.boss.send(name, {});
  }

  health(): { ok: boolean; queue: string } {
    return { ok: this.running, queue: this.running ? 'running' : (this.lastError ?? 'not started') };
  }
}
