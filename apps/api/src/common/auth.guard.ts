import { CSRF_HEADER } from '@dengar/contracts';
import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard as PassportAuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { requestContext } from '../modules/logging/logger.js';
import { safeEqual } from '../modules/auth/auth.crypto.js';
import { STRATEGY } from '../modules/auth/session.strategy.js';
import { ACCESS_KEY, type AccessRule } from './access.decorator.js';
import { AppException, ErrorCode, ForbiddenException } from './app.exception.js';
import type { Principal } from './principal.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function accessRuleOf(reflector: Reflector, context: ExecutionContext): AccessRule | undefined {
  return reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
}

/**
 * The global guard: every route must declare who may call it (a route without a declaration is refused here
 * and fails the boot-time check), authenticates via passport, enforces CSRF for cookie sessions, checks roles.
 */
@Injectable()
export class AccessGuard extends PassportAuthGuard(STRATEGY) {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = accessRuleOf(this.reflector, context);
    if (!rule) throw new AppException(ErrorCode.Internal, 'Route declares no access rule');
    if (rule.kind === 'public') return true;
    await (super.canActivate(context) as Promise<boolean>);
    const req = context.switchToHttp().getRequest<Request & { user: Principal }>();
    const principal = req.user;
    const ctx = requestContext.getStore();
    if (ctx) ctx.userId = principal.userId;
    if (principal.via === 'session' && !SAFE_METHODS.has(req.method)) {
      const sent = req.header(CSRF_HEADER);
      if (!sent || !principal.csrfToken || !safeEqual(sent, principal.csrfToken)) {
        throw new AppException(
          ErrorCode.CsrfMismatch,
          'Missing or wrong X-CSRF-Token header (echo the dengar_csrf cookie)',
        );
      }
    }
    if (!rule.roles.includes(principal.role)) throw new ForbiddenException();
    return true;
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err) throw err instanceof Error ? err : new Error('authentication failed');
    if (!user) throw new AppException(ErrorCode.Unauthenticated, 'Sign in first (no valid session or API token)');
    return user;
  }
}
