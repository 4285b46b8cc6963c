import { IdParamSchema } from '@dengar/contracts';
import { createZodDto } from 'nestjs-zod';

export class IdParamDto extends createZodDto(IdParamSchema) {}
