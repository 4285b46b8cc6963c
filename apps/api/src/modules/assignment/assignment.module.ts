import { Global, Module } from '@nestjs/common';
import { AssignmentRepository } from './assignment.repository.js';
import { AssignmentService } from './assignment.service.js';

@Global()
@Module({ providers: [AssignmentRepository, AssignmentService], exports: [AssignmentService] })
export class AssignmentModule {}
