import {
  CreatedSourceSchema,
  ListSourcesQuerySchema,
  PollAcceptedSchema,
  SourcePageSchema,
  SourceSchema,
  UpdateSourceRequestSchema,
  WebhookResultSchema,
  WebhookSecretSchema,
} from '@dengar/contracts';
import { createZodDto } from 'nestjs-zod';

export class SourceDto extends createZodDto(SourceSchema) {}
export class CreatedSourceDto extends createZodDto(CreatedSourceSchema) {}
export class SourcePageDto extends createZodDto(SourcePageSchema) {}
export class UpdateSourceDto extends createZodDto(UpdateSourceRequestSchema) {}
export class ListSourcesQueryDto extends createZodDto(ListSourcesQuerySchema) {}
export class PollAcceptedDto extends createZodDto(PollAcceptedSchema) {}
export class WebhookResultDto extends createZodDto(WebhookResultSchema) {}
export class WebhookSecretDto extends createZodDto(WebhookSecretSchema) {}
