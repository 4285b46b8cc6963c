import {
  CreateTagRequestSchema,
  ListTagsQuerySchema,
  SetTicketTagsRequestSchema,
  TagPageSchema,
  TagSchema,
  UpdateTagRequestSchema,
} from '@dengar/contracts';
import { createZodDto } from 'nestjs-zod';

export class TagDto extends createZodDto(TagSchema) {}
export class TagPageDto extends createZodDto(TagPageSchema) {}
export class CreateTagDto extends createZodDto(CreateTagRequestSchema) {}
export class UpdateTagDto extends createZodDto(UpdateTagRequestSchema) {}
export class ListTagsQueryDto extends createZodDto(ListTagsQuerySchema) {}
export class SetTicketTagsDto extends createZodDto(SetTicketTagsRequestSchema) {}
