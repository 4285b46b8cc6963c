import { CreateNoteRequestSchema, NoteSchema } from '@dengar/contracts';
import { createZodDto } from 'nestjs-zod';

export class NoteDto extends createZodDto(NoteSchema) {}
export class CreateNoteDto extends createZodDto(CreateNoteRequestSchema) {}
