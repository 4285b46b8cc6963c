import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, LessThan } from 'typeorm';
import { UserEntity } from '../user/user.entity.js';
import { ApiTokenEntity } from './api-token.entity.js';
import { LoginFailureEntity } from './login-failure.entity.js';
import { SessionEntity } from './session.entity.js';

export interface ActiveCredential<T> {
  credential: T;
  user: UserEntity;
}

@Injectable()
export class AuthRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private get sessions() {
    return this.ds.getRepository(SessionEntity);
  }
  private get tokens() {
    return this.ds.getRepository(ApiTokenEntity);
  }

  async createSession(data: Omit<SessionEntity, 'id' | 'createdAt' | 'revokedAt' | 'user'>): Promise<SessionEntity> {
    return this.sessions.save(this.sessions.create({ ...data, revokedAt: null }));
  }

  /** A session that is neither revoked nor expired, of an active user. */
  async findLiveSession(tokenHash: string): Promise<ActiveCredential<SessionEntity> | null> {
    const s = await this.sessions
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.user', 'u')
      .where('s.token_hash = :tokenHash', { tokenHash })
      .andWhere('s.revoked_at IS NULL')
      .andWhere('s.expires_at > now()')
      .andWhere('u.active')
      .getOne();
    return s?.user ? { credential: s, user: s.user } : null;
  }

  async touchSession(id: string): Promise<void> {
    // Written at most once a minute per session, so reads do not turn into a write each.
    await this.sessions
      .createQueryBuilder()
      .update()
      .set({ lastSeenAt: () => 'now()' })
      .where("id = :id AND last_seen_at < now() - interval '1 minute'", { id })
      .execute();
  }

  async revokeSession(id: string): Promise<void> {
    await this.sessions.update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeUserSessions(userId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.ds.query(
      'UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id',
      [userId],
    );
    return rows.map((r) => r.id);
  }

  /** Of these sessions and tokens, the ids that are no longer valid (revoked, expired, user deactivated). */
  async deadCredentials(sessionIds: string[], tokenIds: string[]): Promise<string[]> {
    if (!sessionIds.length && !tokenIds.length) return [];
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM unnest($1::uuid[]) AS x(id)
        WHERE NOT EXISTS (SELECT 1 FROM sessions s JOIN users u ON u.id = s.user_id
                           WHERE s.id = x.id AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active)
       UNION ALL
       SELECT id FROM unnest($2::uuid[]) AS y(id)
        WHERE NOT EXISTS (SELECT 1 FROM api_tokens t JOIN users u ON u.id = t.user_id
                           WHERE t.id = y.id AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()) AND u.active)`,
      [sessionIds, tokenIds],
    );
    return rows.map((r) => r.id);
  }

  async createToken(
    data: Pick<ApiTokenEntity, 'userId' | 'name' | 'prefix' | 'tokenHash' | 'expiresAt'>,
  ): Promise<ApiTokenEntity> {
    return this.tokens.save(this.tokens.create({ ...data, lastUsedAt: null, revokedAt: null }));
  }

  async findLiveToken(tokenHash: string): Promise<ActiveCredential<ApiTokenEntity> | null> {
    const t = await this.tokens
      .createQueryBuilder('t')
      .innerJoinAndSelect('t.user', 'u')
      .where('t.token_hash = :tokenHash', { tokenHash })
      .andWhere('t.revoked_at IS NULL')
      .andWhere('(t.expires_at IS NULL OR t.expires_at > now())')
      .andWhere('u.active')
      .getOne();
    return t?.user ? { credential: t, user: t.user } : null;
  }

  async touchToken(id: string): Promise<void> {
    await this.tokens
      .createQueryBuilder()
      .update()
      .set({ lastUsedAt: () => 'now()' })
      .where("id = :id AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')", { id })
      .execute();
  }

  listTokens(userId: string): Promise<ApiTokenEntity[]> {
    return this.tokens.find({ where: { userId, revokedAt: IsNull() }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  /** Revokes one of the user's tokens; false when there is no such live token. */
  async revokeToken(userId: string, id: string): Promise<boolean> {
    const res = await this.tokens.update({ id, userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return (res.affected ?? 0) > 0;
  }

  async revokeUserTokens(userId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.ds.query(
      'UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id',
      [userId],
    );
    return rows.map((r) => r.id);
  }

  async recordLoginFailure(keys: string[]): Promise<void> {
    await this.ds.getRepository(LoginFailureEntity).insert(keys.map((key) => ({ key })));
  }

  /** Failures per key within the window, and when the oldest of them leaves it. */
  async loginFailures(keys: string[], windowMs: number): Promise<{ key: string; count: number; oldest: Date }[]> {
    const rows: { key: string; count: string; oldest: Date }[] = await this.ds.query(
      `SELECT key, count(*) AS count, min(at) AS oldest FROM login_failures
        WHERE key = ANY($1) AND at > now() - make_interval(secs => $2) GROUP BY key`,
      [keys, windowMs / 1000],
    );
    return rows.map((r) => ({ key: r.key, count: Number(r.count), oldest: new Date(r.oldest) }));
  }

  async clearLoginFailures(key: string): Promise<void> {
    await this.ds.getRepository(LoginFailureEntity).delete({ key });
  }

  /** Housekeeping job: drops expired sessions and old login failures. */
  async prune(windowMs: number): Promise<{ sessions: number; failures: number }> {
    const s = await this.sessions.delete({ expiresAt: LessThan(new Date(Date.now() - 24 * 3600_000)) });
    const f = await this.ds.getRepository(LoginFailureEntity).delete({ at: LessThan(new Date(Date.now() - windowMs)) });
    return { sessions: s.affected ?? 0, failures: f.affected ?? 0 };
  }
}
