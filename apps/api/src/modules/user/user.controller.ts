import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Allow, MANAGERS } from '../../common/access.decorator.js';
import { IdParamDto } from '../../common/id-param.dto.js';
import { CurrentUser, type Principal } from '../../common/principal.js';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto, UserDto, UserPageDto } from './user.dto.js';
import { UserService } from './user.service.js';

@ApiTags('users')
@Controller('users')
export class UserController {
  constructor(private readonly users: UserService) {}

  /** The user directory is for admins and managers (SPEC §9); agents see teammates through their teams. */
  @Get()
  @Allow(...MANAGERS)
  @ZodResponse({ type: UserPageDto })
  list(@Query() query: ListUsersQueryDto) {
    return this.users.list(query);
  }

  @Get(':id')
  @Allow(...MANAGERS)
  @ZodResponse({ type: UserDto })
  get(@Param() { id }: IdParamDto) {
    return this.users.get(id);
  }

  @Post()
  @Allow('admin')
  @ZodResponse({ status: 201, type: UserDto })
  create(@Body() body: CreateUserDto) {
    return this.users.create(body);
  }

  @Patch(':id')
  @Allow(...MANAGERS)
  @ZodResponse({ type: UserDto })
  update(@CurrentUser() actor: Principal, @Param() { id }: IdParamDto, @Body() body: UpdateUserDto) {
    return this.users.update(actor, id, body);
  }
}
