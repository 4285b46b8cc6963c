import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Allow, AnyUser, MANAGERS } from '../../common/access.decorator.js';
import { IdParamDto } from '../../common/id-param.dto.js';
import {
  AddTeamMemberDto,
  CreateTeamDto,
  ListTeamsQueryDto,
  PageQueryDto,
  TeamDto,
  TeamMemberDto,
  TeamMemberPageDto,
  TeamMemberParamsDto,
  TeamPageDto,
  UpdateTeamDto,
} from './team.dto.js';
import { TeamService } from './team.service.js';

@ApiTags('teams')
@Controller('teams')
export class TeamController {
  constructor(private readonly teams: TeamService) {}

  /** Team names are no secret: everyone sees the list (tickets stay team-scoped). */
  @Get()
  @AnyUser()
  @ZodResponse({ type: TeamPageDto })
  list(@Query() query: ListTeamsQueryDto) {
    return this.teams.list(query);
  }

  @Get(':id')
  @AnyUser()
  @ZodResponse({ type: TeamDto })
  get(@Param() { id }: IdParamDto) {
    return this.teams.get(id);
  }

  @Post()
  @Allow(...MANAGERS)
  @ZodResponse({ status: 201, type: TeamDto })
  create(@Body() body: CreateTeamDto) {
    return this.teams.create(body);
  }

  @Patch(':id')
  @Allow(...MANAGERS)
  @ZodResponse({ type: TeamDto })
  update(@Param() { id }: IdParamDto, @Body() body: UpdateTeamDto) {
    return this.teams.update(id, body);
  }

  @Delete(':id')
  @Allow(...MANAGERS)
  @HttpCode(204)
  async remove(@Param() { id }: IdParamDto): Promise<void> {
    await this.teams.remove(id);
  }

  @Get(':id/members')
  @AnyUser()
  @ZodResponse({ type: TeamMemberPageDto })
  members(@Param() { id }: IdParamDto, @Query() query: PageQueryDto) {
    return this.teams.members(id, query);
  }

  @Post(':id/members')
  @Allow(...MANAGERS)
  @ZodResponse({ status: 201, type: TeamMemberDto })
  addMember(@Param() { id }: IdParamDto, @Body() body: AddTeamMemberDto) {
    return this.teams.addMember(id, body);
  }

  @Delete(':id/members/:userId')
  @Allow(...MANAGERS)
  @HttpCode(204)
  async removeMember(@Param() { id, userId }: TeamMemberParamsDto): Promise<void> {
    await this.teams.removeMember(id, userId);
  }
}
