import { AvailabilityResultSchema, SetAvailabilityRequestSchema } from '@dengar/contracts';
import { createZodDto } from 'nestjs-zod';

export class SetAvailabilityDto extends createZodDto(SetAvailabilityRequestSchema) {}
export class AvailabilityResultDto extends createZodDto(AvailabilityResultSchema) {}
