import type { Role } from '@dengar/contracts';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** Who is calling, as the auth guard established it. */
export interface Principal {
  userId: string;
  role: Role;
  via: 'session' | 'token';
  sessionId?: string;
  tokenId?: string;
  csrfToken?: string;
}

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const req = ctx.switchToHttp().getRequest<Request & { user?: Principal }>();
  if (!req.user) throw new Error('CurrentUser used on a route without authentication');
  return req.user;
});

export const isManager = (p: { role: Role }) => p.role === 'admin' || p.role === 'manager';
