import {
  BulkTicketsRequestSchema,
  BulkTicketsResultSchema,
  ListTicketsQuerySchema,
  MergeTicketRequestSchema,
  ThreadPageSchema,
  ThreadQuerySchema,
  TicketCountsSchema,
  TicketDetailSchema,
  TicketPageSchema,
  TicketSchema,
  UpdateTicketRequestSchema,
} from '@dengar/contracts';
import { createZodDto } from 'nestjs-zod';

export class TicketDto extends createZodDto(TicketSchema) {}
export class TicketPageDto extends createZodDto(TicketPageSchema) {}
export class ListTicketsQueryDto extends createZodDto(ListTicketsQuerySchema) {}
export class TicketCountsDto extends createZodDto(TicketCountsSchema) {}
export class TicketDetailDto extends createZodDto(TicketDetailSchema) {}
export class ThreadQueryDto extends createZodDto(ThreadQuerySchema) {}
export class ThreadPageDto extends createZodDto(ThreadPageSchema) {}
export class UpdateTicketDto extends createZodDto(UpdateTicketRequestSchema) {}
export class MergeTicketDto extends createZodDto(MergeTicketRequestSchema) {}
export class BulkTicketsDto extends createZodDto(BulkTicketsRequestSchema) {}
export class BulkTicketsResultDto extends createZodDto(BulkTicketsResultSchema) {}
