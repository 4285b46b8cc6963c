import { Module } from '@nestjs/common';
import { NoteController } from './note.controller.js';
import { NoteRepository } from './note.repository.js';
import { NoteService } from './note.service.js';

@Module({
  controllers: [NoteController],
  providers: [NoteRepository, NoteService],
  exports: [NoteService],
})
export class NoteModule {}
