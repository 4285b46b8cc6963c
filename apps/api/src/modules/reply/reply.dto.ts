import { CreateReplyRequestSchema, CreateReplyResultSchema, IdSchema, ReplySchema } from '@dengar/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class CreateReplyDto extends createZodDto(CreateReplyRequestSchema) {}
export class CreateReplyResultDto extends createZodDto(CreateReplyResultSchema) {}
export class ReplyDto extends createZodDto(ReplySchema) {}
/** `/tickets/:id/replies/:replyId` (path params only; no shared contract needed). */
export class ReplyParamsDto extends createZodDto(z.object({ id: IdSchema, replyId: IdSchema })) {}
