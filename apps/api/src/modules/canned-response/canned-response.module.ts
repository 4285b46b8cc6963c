import { Module } from '@nestjs/common';
import { CannedResponseController } from './canned-response.controller.js';
import { CannedResponseRepository } from './canned-response.repository.js';
import { CannedResponseService } from './canned-response.service.js';

@Module({
  controllers: [CannedResponseController],
  providers: [CannedResponseRepository, CannedResponseService],
  exports: [CannedResponseService],
})
export class CannedResponseModule {}
