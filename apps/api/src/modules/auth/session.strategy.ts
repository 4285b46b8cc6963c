import { SESSION_COOKIE } from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-custom';
import { bearerToken } from '../../common/cookies.js';
import type { Principal } from '../../common/principal.js';
import { AuthService } from './auth.service.js';

export const STRATEGY = 'dengar';

/** One passport strategy for both credentials: `Authorization: Bearer <token>` first, else the session cookie. */
@Injectable()
export class SessionStrategy extends PassportStrategy(Strategy, STRATEGY) {
  constructor(private readonly auth: AuthService) {
    super();
  }

  async validate(req: Request): Promise<Principal | false> {
    const header = req.header('authorization');
    if (header) {
      // A present but bad Authorization header is a failure, never a fall-back to the cookie.
      const token = bearerToken(header);
      return (token && (await this.auth.resolveToken(token))?.principal) || false;
    }
    const cookie = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (!cookie) return false;
    return (await this.auth.resolveSession(cookie))?.principal ?? false;
  }
}
