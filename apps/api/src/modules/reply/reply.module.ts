import { Module } from '@nestjs/common';
import { SourceModule } from '../source/source.module.js';
import { ReplyOutbox } from './reply-outbox.js';
import { ReplyController } from './reply.controller.js';
import { ReplyRepository } from './reply.repository.js';
import { ReplyService } from './reply.service.js';

@Module({
  imports: [SourceModule],
  controllers: [ReplyController],
  providers: [ReplyRepository, ReplyService, ReplyOutbox],
  exports: [ReplyRepository],
})
export class ReplyModule {}
