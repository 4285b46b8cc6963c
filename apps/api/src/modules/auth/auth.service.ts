import type {
  ApiToken,
  CreateApiTokenRequest,
  CreatedApiToken,
  LoginRequest,
  MeResponse,
  UpdateMeRequest,
  User,
} from '@dengar/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { AppException, ErrorCode, NotFoundException } from '../../common/app.exception.js';
import { DomainEvents } from '../../common/domain-events.js';
import type { Principal } from '../../common/principal.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { toUser } from '../user/user.mapper.js';
import { UserRepository } from '../user/user.repository.js';
import { keyedHash, randomToken, verifyAgainstDummy, verifyPassword } from './auth.crypto.js';
import { AuthRepository } from './auth.repository.js';
import type { ApiTokenEntity } from './api-token.entity.js';

export const LOGIN_LIMIT = { failures: 5, windowMs: 5 * 60_000 } as const;
export const TOKEN_PREFIX = 'dgr_';

export interface IssuedSession {
  user: User;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface ResolvedCredential {
  principal: Principal;
  expiresAt: Date | null;
}

const toApiToken = (t: ApiTokenEntity): ApiToken => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  expiresAt: t.expiresAt?.toISOString() ?? null,
});

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly auth: AuthRepository,
    private readonly users: UserRepository,
    private readonly events: DomainEvents,
  ) {}

  private hash(token: string) {
    return keyedHash(this.config.secret, token);
  }

  /**
   * Checks the credentials, limited per IP and per e-mail (5 failures in 5 minutes → 429). The answer to a
   * wrong password and to an unknown e-mail is the same, and takes the same time.
   */
  async login(input: LoginRequest, meta: { ip: string; userAgent?: string }): Promise<IssuedSession> {
    const email = input.email.toLowerCase();
    const keys = [`ip:${meta.ip}`, `email:${email}`];
    const recent = await this.auth.loginFailures(keys, LOGIN_LIMIT.windowMs);
    const blocked = recent.filter((r) => r.count >= LOGIN_LIMIT.failures);
    if (blocked.length) {
      const until = Math.max(...blocked.map((b) => b.oldest.getTime() + LOGIN_LIMIT.windowMs));
      const retryAfter = Math.max(1, Math.ceil((until - Date.now()) / 1000));
      throw new AppException(
        ErrorCode.RateLimited,
        `Too many failed sign-ins; try again in ${retryAfter} seconds`,
        { retryAfterSeconds: retryAfter },
        { 'Retry-After': String(retryAfter) },
      );
    }
    const user = await this.users.findByEmail(email);
    const ok = user?.active
      ? await verifyPassword(user.passwordHash, input.password)
      : (await verifyAgainstDummy(input.password), false);
    if (!user || !ok) {
      await this.auth.recordLoginFailure(keys);
      throw new AppException(ErrorCode.InvalidCredentials, 'Wrong email or password');
    }
    await this.auth.clearLoginFailures(`email:${email}`);
    const token = randomToken();
    const csrfToken = randomToken();
    const expiresAt = new Date(Date.now() + this.config.sessionTtlMs);
    await this.auth.createSession({
      tokenHash: this.hash(token),
      userId: user.id,
      csrfToken,
      lastSeenAt: new Date(),
      expiresAt,
      ip: meta.ip.slice(0, 64),
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    const row = await this.users.findById(user.id);
    return { user: toUser(row!), token, csrfToken, expiresAt };
  }

  /** Resolves a session cookie value to its user, or null when it is unknown, expired or revoked. */
  async resolveSession(token: string): Promise<ResolvedCredential | null> {
    const found = await this.auth.findLiveSession(this.hash(token));
    if (!found) return null;
    await this.auth.touchSession(found.credential.id);
    return {
      principal: {
        userId: found.user.id,
        role: found.user.role,
        via: 'session',
        sessionId: found.credential.id,
        csrfToken: found.credential.csrfToken,
      },
      expiresAt: found.credential.expiresAt,
    };
  }

  async resolveToken(token: string): Promise<ResolvedCredential | null> {
    if (!token.startsWith(TOKEN_PREFIX)) return null;
    const found = await this.auth.findLiveToken(this.hash(token));
    if (!found) return null;
    await this.auth.touchToken(found.credential.id);
    return {
      principal: { userId: found.user.id, role: found.user.role, via: 'token', tokenId: found.credential.id },
      expiresAt: found.credential.expiresAt,
    };
  }

  async logout(principal: Principal): Promise<void> {
    if (!principal.sessionId) return;
    await this.auth.revokeSession(principal.sessionId);
    this.events.emit('session.ended', { sessionId: principal.sessionId, reason: 'logout' });
  }

  async me(principal: Principal): Promise<MeResponse> {
    const row = await this.users.findById(principal.userId);
    if (!row) throw new NotFoundException('User');
    return { user: toUser(row), via: principal.via };
  }

  async updateMe(principal: Principal, input: UpdateMeRequest): Promise<MeResponse> {
    await this.users.transaction((em) => this.users.update(em, principal.userId, input));
    return this.me(principal);
  }

  async createToken(principal: Principal, input: CreateApiTokenRequest): Promise<CreatedApiToken> {
    const token = `${TOKEN_PREFIX}${randomToken()}`;
    const row = await this.auth.createToken({
      userId: principal.userId,
      name: input.name,
      prefix: token.slice(0, 10),
      tokenHash: this.hash(token),
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86400_000) : null,
    });
    return { ...toApiToken(row), token };
  }

  async listTokens(principal: Principal): Promise<{ items: ApiToken[]; nextCursor: null }> {
    return { items: (await this.auth.listTokens(principal.userId)).map(toApiToken), nextCursor: null };
  }

  async revokeToken(principal: Principal, id: string): Promise<void> {
    if (!(await this.auth.revokeToken(principal.userId, id))) throw new NotFoundException('API token');
    this.events.emit('token.revoked', { tokenId: id });
  }

  /** Which of these credentials died since their sockets connected (revoked, expired, user deactivated). */
  deadCredentials(sessionIds: string[], tokenIds: string[]): Promise<string[]> {
    return this.auth.deadCredentials(sessionIds, tokenIds);
  }

  prune() {
    return this.auth.prune(LOGIN_LIMIT.windowMs);
  }
}
