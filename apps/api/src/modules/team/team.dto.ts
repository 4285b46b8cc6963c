import {
  AddTeamMemberRequestSchema,
  CreateTeamRequestSchema,
  ListTeamsQuerySchema,
  PageQuerySchema,
  TeamMemberParamsSchema,
  TeamMemberPageSchema,
  TeamMemberSchema,
  TeamPageSchema,
  TeamSchema,
  UpdateTeamRequestSchema,
} from '@dengar/contracts';
import { createZodDto } from 'nestjs-zod';

export class TeamDto extends createZodDto(TeamSchema) {}
export class TeamPageDto extends createZodDto(TeamPageSchema) {}
export class CreateTeamDto extends createZodDto(CreateTeamRequestSchema) {}
export class UpdateTeamDto extends createZodDto(UpdateTeamRequestSchema) {}
export class ListTeamsQueryDto extends createZodDto(ListTeamsQuerySchema) {}
export class AddTeamMemberDto extends createZodDto(AddTeamMemberRequestSchema) {}
export class TeamMemberDto extends createZodDto(TeamMemberSchema) {}
export class TeamMemberPageDto extends createZodDto(TeamMemberPageSchema) {}
export class TeamMemberParamsDto extends createZodDto(TeamMemberParamsSchema) {}
export class PageQueryDto extends createZodDto(PageQuerySchema) {}
