import { Module } from '@nestjs/common';
import { TagController } from './tag.controller.js';
import { TagRepository } from './tag.repository.js';
import { TagService } from './tag.service.js';
import { TicketTagController } from './ticket-tag.controller.js';

@Module({
  controllers: [TagController, TicketTagController],
  providers: [TagRepository, TagService],
  exports: [TagRepository, TagService],
})
export class TagModule {}
