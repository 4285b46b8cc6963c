import {
  ListMentionsQuerySchema,
  MentionPageSchema,
  MentionSchema,
  UpdateMentionRequestSchema,
} from '@dengar/contracts';
import { createZodDto } from 'nestjs-zod';

export class MentionDto extends createZodDto(MentionSchema) {}
export class MentionPageDto extends createZodDto(MentionPageSchema) {}
export class ListMentionsQueryDto extends createZodDto(ListMentionsQuerySchema) {}
export class UpdateMentionDto extends createZodDto(UpdateMentionRequestSchema) {}
