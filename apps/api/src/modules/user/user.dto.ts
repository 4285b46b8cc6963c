import {
  CreateUserRequestSchema,
  ListUsersQuerySchema,
  UpdateUserRequestSchema,
  UserPageSchema,
  UserSchema,
} from '@dengar/contracts';
import { createZodDto } from 'nestjs-zod';

export class UserDto extends createZodDto(UserSchema) {}
export class UserPageDto extends createZodDto(UserPageSchema) {}
export class CreateUserDto extends createZodDto(CreateUserRequestSchema) {}
export class UpdateUserDto extends createZodDto(UpdateUserRequestSchema) {}
export class ListUsersQueryDto extends createZodDto(ListUsersQuerySchema) {}
