import { Module } from '@nestjs/common';
import { MentionModule } from '../mention/mention.module.js';
import { TicketController } from './ticket.controller.js';
import { TicketQueueRepository } from './ticket-queue.repository.js';
import { TicketService } from './ticket.service.js';

/** The queue API: list, counts, detail and thread, PATCH, merge and bulk (SPEC §9). */
@Module({
  imports: [MentionModule],
  controllers: [TicketController],
  providers: [TicketQueueRepository, TicketService],
})
export class TicketModule {}
