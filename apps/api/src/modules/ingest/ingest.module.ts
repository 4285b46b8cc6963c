import { Module } from '@nestjs/common';
import { RoutingModule } from '../routing/routing.module.js';
import { SourceRepository } from '../source/source.repository.js';
import { EnricherCache } from './enricher-cache.js';
import { IngestRepository } from './ingest.repository.js';
import { IngestService } from './ingest.service.js';

@Module({
  imports: [RoutingModule],
  providers: [IngestService, IngestRepository, EnricherCache, SourceRepository],
  exports: [IngestService, IngestRepository, EnricherCache, SourceRepository],
})
export class IngestModule {}
