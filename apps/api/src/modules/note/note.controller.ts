import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { AnyUser } from '../../common/access.decorator.js';
import { IdParamDto } from '../../common/id-param.dto.js';
import { CurrentUser, type Principal } from '../../common/principal.js';
import { CreateNoteDto, NoteDto } from './note.dto.js';
import { NoteService } from './note.service.js';

@ApiTags('tickets')
@Controller('tickets')
export class NoteController {
  constructor(private readonly notes: NoteService) {}

  /** An internal note; `@name` mentions notify the users named who may see the ticket (SPEC §6). */
  @Post(':id/notes')
  @AnyUser()
  @ZodResponse({ status: 201, type: NoteDto })
  create(@CurrentUser() actor: Principal, @Param() { id }: IdParamDto, @Body() body: CreateNoteDto) {
    return this.notes.create(actor, id, body);
  }
}
