import { Injectable, Logger } from '@nestjs/common';
import { JobsService } from '../../jobs/jobs.service.js';
import { AuthService } from './auth.service.js';

/** Every 15 minutes: expired sessions and old login failures are deleted. */
@Injectable()
export class AuthMaintenance {
  static readonly JOB = 'auth.prune';
  private readonly logger = new Logger('AuthMaintenance');

  constructor(jobs: JobsService, auth: AuthService) {
    jobs.every(AuthMaintenance.JOB, '*/15 * * * *', async () => {
      const pruned = await auth.prune();
      this.logger.log({ pruned }, 'pruned sessions and login failures');
    });
  }
}
