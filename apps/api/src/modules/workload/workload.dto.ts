import { WorkloadQuerySchema, WorkloadSchema } from '@dengar/contracts';
import { createZodDto } from 'nestjs-zod';

export class WorkloadQueryDto extends createZodDto(WorkloadQuerySchema) {}
export class WorkloadDto extends createZodDto(WorkloadSchema) {}
