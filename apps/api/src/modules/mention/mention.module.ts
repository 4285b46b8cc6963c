import { Module } from '@nestjs/common';
import { IngestModule } from '../ingest/ingest.module.js';
import { MentionController } from './mention.controller.js';
import { MentionRepository } from './mention.repository.js';
import { MentionService } from './mention.service.js';

@Module({
  imports: [IngestModule],
  controllers: [MentionController],
  providers: [MentionRepository, MentionService],
  exports: [MentionRepository],
})
export class MentionModule {}
