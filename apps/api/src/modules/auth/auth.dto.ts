import {
  ApiTokenListSchema,
  CreateApiTokenRequestSchema,
  CreatedApiTokenSchema,
  LoginRequestSchema,
  LoginResponseSchema,
  MeResponseSchema,
  UpdateMeRequestSchema,
} from '@dengar/contracts';
import { createZodDto } from 'nestjs-zod';

export class LoginDto extends createZodDto(LoginRequestSchema) {}
export class LoginResponseDto extends createZodDto(LoginResponseSchema) {}
export class MeResponseDto extends createZodDto(MeResponseSchema) {}
export class UpdateMeDto extends createZodDto(UpdateMeRequestSchema) {}
export class CreateApiTokenDto extends createZodDto(CreateApiTokenRequestSchema) {}
export class CreatedApiTokenDto extends createZodDto(CreatedApiTokenSchema) {}
export class ApiTokenListDto extends createZodDto(ApiTokenListSchema) {}
