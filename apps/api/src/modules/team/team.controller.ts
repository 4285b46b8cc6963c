import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Allow, AnyUser, MANAGERS } from '../../common/access.decorator.js';
import { IdParamDto } from '../../common/id-param.dto.js';
import { CurrentUser, type Principal } from '../../common/principal.js';
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

  /** Managers and admins see every team; agents and marketers the teams they belong to. */
  @Get()
  @AnyUser()
  @ZodResponse({ type: TeamPageDto })
  list(@CurrentUser() actor: Principal, @Query() query: ListTeamsQueryDto) {
    return this.teams.list(actor, query);
  }

  @Get(':id')
  @AnyUser()
  @ZodResponse({ type: TeamDto })
  get(@CurrentUser() actor: Principal, @Param() { id }: IdParamDto) {
    return this.teams.get(actor, id);
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
  members(@CurrentUser() actor: Principal, @Param() { id }: IdParamDto, @Query() query: PageQueryDto) {
    return this.teams.members(actor, id, query);
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
