import { Global, Module } from '@nestjs/common';
import { PresenceController } from './presence.controller.js';
import { PresenceRepository } from './presence.repository.js';
import { PresenceService } from './presence.service.js';

/** Global so the realtime gateway can record sockets and ticket viewers without a module cycle. */
@Global()
@Module({
  controllers: [PresenceController],
  providers: [PresenceRepository, PresenceService],
  exports: [PresenceService],
})
export class PresenceModule {}
