import { Module } from '@nestjs/common';
import { UserModule } from '../user/user.module.js';
import { TeamController } from './team.controller.js';
import { TeamRepository } from './team.repository.js';
import { TeamService } from './team.service.js';

@Module({
  imports: [UserModule],
  controllers: [TeamController],
  providers: [TeamRepository, TeamService],
  exports: [TeamRepository],
})
export class TeamModule {}
