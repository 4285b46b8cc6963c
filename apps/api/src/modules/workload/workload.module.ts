import { Module } from '@nestjs/common';

/** Workload: each agent's open tickets, availability and oldest waiting ticket (managers, admins). */
@Module({})
export class WorkloadModule {}
