import { CSRF_COOKIE, SESSION_COOKIE } from '@dengar/contracts';
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CookieOptions, Request, Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import { AnyUser, Public } from '../../common/access.decorator.js';
import { IdParamDto } from '../../common/id-param.dto.js';
import { CurrentUser, type Principal } from '../../common/principal.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import {
  ApiTokenListDto,
  CreateApiTokenDto,
  CreatedApiTokenDto,
  LoginDto,
  LoginResponseDto,
  MeResponseDto,
  UpdateMeDto,
} from './auth.dto.js';
import { AuthService } from './auth.service.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private cookie(httpOnly: boolean, expires?: Date): CookieOptions {
    return { httpOnly, sameSite: 'lax', secure: this.config.cookieSecure, path: '/', ...(expires ? { expires } : {}) };
  }

  @Post('login')
  @Public()
  @ZodResponse({ status: 200, type: LoginResponseDto })
  async login(@Body() body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const ua = req.header('user-agent');
    const session = await this.auth.login(body, { ip: req.ip ?? 'unknown', ...(ua ? { userAgent: ua } : {}) });
    res.cookie(SESSION_COOKIE, session.token, this.cookie(true, session.expiresAt));
    res.cookie(CSRF_COOKIE, session.csrfToken, this.cookie(false, session.expiresAt));
    return { user: session.user };
  }

  @Post('logout')
  @AnyUser()
  @HttpCode(204)
  async logout(@CurrentUser() principal: Principal, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(principal);
    if (principal.via === 'session') {
      res.clearCookie(SESSION_COOKIE, this.cookie(true));
      res.clearCookie(CSRF_COOKIE, this.cookie(false));
    }
  }

  /** Also re-issues a lost or stale CSRF cookie, so a browser that dropped it can go on writing. */
  @Get('me')
  @AnyUser()
  @ZodResponse({ type: MeResponseDto })
  me(@CurrentUser() principal: Principal, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const sent = (req.cookies as Record<string, string | undefined>)[CSRF_COOKIE];
    if (principal.via === 'session' && principal.csrfToken && sent !== principal.csrfToken) {
      res.cookie(CSRF_COOKIE, principal.csrfToken, this.cookie(false));
    }
    return this.auth.me(principal);
  }

  /** The caller's own name and language (remembered per user). */
  @Patch('me')
  @AnyUser()
  @ZodResponse({ type: MeResponseDto })
  updateMe(@CurrentUser() principal: Principal, @Body() body: UpdateMeDto) {
    return this.auth.updateMe(principal, body);
  }

  @Post('tokens')
  @AnyUser()
  @ZodResponse({ status: 201, type: CreatedApiTokenDto })
  createToken(@CurrentUser() principal: Principal, @Body() body: CreateApiTokenDto) {
    return this.auth.createToken(principal, body);
  }

  @Get('tokens')
  @AnyUser()
  @ZodResponse({ type: ApiTokenListDto })
  listTokens(@CurrentUser() principal: Principal) {
    return this.auth.listTokens(principal);
  }

  @Delete('tokens/:id')
  @AnyUser()
  @HttpCode(204)
  async revokeToken(@CurrentUser() principal: Principal, @Param() { id }: IdParamDto): Promise<void> {
    await this.auth.revokeToken(principal, id);
  }
}
