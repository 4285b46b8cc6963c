import { Module } from '@nestjs/common';
import { WorkloadController } from './workload.controller.js';
import { WorkloadRepository } from './workload.repository.js';
import { WorkloadService } from './workload.service.js';

/** Workload: each agent's open tickets, availability and oldest waiting ticket (managers, admins). */
@Module({
  controllers: [WorkloadController],
  providers: [WorkloadRepository, WorkloadService],
})
export class WorkloadModule {}
