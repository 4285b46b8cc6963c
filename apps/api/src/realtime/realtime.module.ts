import { Module } from '@nestjs/common';
import { AuthModule } from '../modules/auth/auth.module.js';
import { TeamModule } from '../modules/team/team.module.js';
import { RealtimeGateway } from './realtime.gateway.js';

@Module({
  imports: [AuthModule, TeamModule],
  providers: [RealtimeGateway],
  exports: [RealtimeGateway],
})
export class RealtimeModule {}
