import { Module } from '@nestjs/common';
import { NotificationController } from './notification.controller.js';
import { NotificationRepository } from './notification.repository.js';
import { NotificationService } from './notification.service.js';

/** Reading and acknowledging notifications; NotificationWriter (writing them) lives in TicketCoreModule. */
@Module({
  controllers: [NotificationController],
  providers: [NotificationRepository, NotificationService],
})
export class NotificationModule {}
