import {
  CannedResponsePageSchema,
  CannedResponseSchema,
  CreateCannedResponseRequestSchema,
  ListCannedResponsesQuerySchema,
  RenderCannedResponseRequestSchema,
  RenderedCannedResponseSchema,
  UpdateCannedResponseRequestSchema,
} from '@dengar/contracts';
import { createZodDto } from 'nestjs-zod';

export class CannedResponseDto extends createZodDto(CannedResponseSchema) {}
export class CannedResponsePageDto extends createZodDto(CannedResponsePageSchema) {}
export class CreateCannedResponseDto extends createZodDto(CreateCannedResponseRequestSchema) {}
export class UpdateCannedResponseDto extends createZodDto(UpdateCannedResponseRequestSchema) {}
export class ListCannedResponsesQueryDto extends createZodDto(ListCannedResponsesQuerySchema) {}
export class RenderCannedResponseDto extends createZodDto(RenderCannedResponseRequestSchema) {}
export class RenderedCannedResponseDto extends createZodDto(RenderedCannedResponseSchema) {}
