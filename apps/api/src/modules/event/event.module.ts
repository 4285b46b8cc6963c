import { Global, Module } from '@nestjs/common';
import { JobsService } from '../../jobs/jobs.service.js';
import { RealtimeModule } from '../../realtime/realtime.module.js';
import { EventController } from './event.controller.js';
import { EventLog } from './event-log.service.js';
import { EventRelay } from './event-relay.js';

@Global()
@Module({
  imports: [RealtimeModule],
  controllers: [EventController],
  providers: [EventLog, EventRelay],
  exports: [EventLog, EventRelay],
})
export class EventModule {
  constructor(jobs: JobsService, log: EventLog) {
    jobs.every('events-prune', '7 * * * *', () => log.prune());
  }
}
