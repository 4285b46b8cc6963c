import { Global, Module } from '@nestjs/common';
import { AssignmentService } from './assignment.service.js';

@Global()
@Module({ providers: [AssignmentService], exports: [AssignmentService] })
export class AssignmentModule {}
