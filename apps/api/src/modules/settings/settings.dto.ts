import { SettingsSchema, UpdateSettingsRequestSchema } from '@dengar/contracts';
import { createZodDto } from 'nestjs-zod';

export class SettingsDto extends createZodDto(SettingsSchema) {}
export class UpdateSettingsDto extends createZodDto(UpdateSettingsRequestSchema) {}
