import { Global, Module } from '@nestjs/common';
import { NotificationWriter } from '../notification/notification-writer.js';
import { TicketRepository } from './ticket.repository.js';
import { TicketWriter } from './ticket-writer.js';

/** What every module that touches tickets shares: DTOs, visibility, guarded updates with their live events. */
@Global()
@Module({
  providers: [TicketRepository, TicketWriter, NotificationWriter],
  exports: [TicketRepository, TicketWriter, NotificationWriter],
})
export class TicketCoreModule {}
