import { Module } from '@nestjs/common';
import { TicketJobsRepository } from './ticket-jobs.repository.js';
import { TicketJobsService } from './ticket-jobs.service.js';

@Module({ providers: [TicketJobsRepository, TicketJobsService], exports: [TicketJobsService] })
export class TicketJobsModule {}
