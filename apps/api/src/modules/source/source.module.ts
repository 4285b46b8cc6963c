import { Module } from '@nestjs/common';
import { IngestModule } from '../ingest/ingest.module.js';
import { SourcePoller } from './source-poller.js';
import { SourceController } from './source.controller.js';
import { SourceService } from './source.service.js';
import { WebhookService } from './webhook.service.js';

@Module({
  imports: [IngestModule],
  controllers: [SourceController],
  providers: [SourceService, SourcePoller, WebhookService],
  exports: [SourceService, SourcePoller],
})
export class SourceModule {}
