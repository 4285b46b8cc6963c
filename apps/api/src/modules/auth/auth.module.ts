import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { UserModule } from '../user/user.module.js';
import { AuthMaintenance } from './auth-maintenance.js';
import { AuthController } from './auth.controller.js';
import { AuthRepository } from './auth.repository.js';
import { AuthService } from './auth.service.js';
import { SessionStrategy } from './session.strategy.js';

@Module({
  imports: [PassportModule, UserModule],
  controllers: [AuthController],
  providers: [AuthRepository, AuthService, SessionStrategy, AuthMaintenance],
  exports: [AuthService],
})
export class AuthModule {}
