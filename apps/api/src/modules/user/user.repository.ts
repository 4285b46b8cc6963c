import type { ListUsersQuery } from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { UserEntity } from './user.entity.js';

export interface UserRow extends UserEntity {
  teamIds: string[];
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class UserRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private repo(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(UserEntity);
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo().findOneBy({ email: email.toLowerCase() });
  }

  async findById(id: string, em?: EntityManager): Promise<UserRow | null> {
    const rows = await this.withTeams(this.repo(em).createQueryBuilder('u').where('u.id = :id', { id }), em);
    return rows[0] ?? null;
  }

  /** Keyset page ordered by name, then id. */
  async list(q: ListUsersQuery, after?: [string, string]): Promise<UserRow[]> {
    const qb = this.repo()
      .createQueryBuilder('u')
      .orderBy('u.name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(q.limit + 1);
    if (q.q)
      qb.andWhere("(u.name ILIKE :q ESCAPE '\\' OR u.email ILIKE :q ESCAPE '\\')", { q: `%${likeEscape(q.q)}%` });
    if (q.role) qb.andWhere('u.role = :role', { role: q.role });
    if (q.active !== undefined) qb.andWhere('u.active = :active', { active: q.active });
    if (after) qb.andWhere('(u.name, u.id) > (:name, :id)', { name: after[0], id: after[1] });
    return this.withTeams(qb);
  }

  private async withTeams(qb: SelectQueryBuilder<UserEntity>, em?: EntityManager): Promise<UserRow[]> {
    const users = await qb.getMany();
    if (!users.length) return [];
    const rows: { user_id: string; team_id: string }[] = await (em ?? this.ds.manager).query(
      'SELECT user_id, team_id FROM team_members WHERE user_id = ANY($1) ORDER BY joined_at, team_id',
      [users.map((u) => u.id)],
    );
    return users.map((u) =>
      Object.assign(u, { teamIds: rows.filter((r) => r.user_id === u.id).map((r) => r.team_id) }),
    );
  }

  insert(em: EntityManager, data: Partial<UserEntity>): Promise<UserEntity> {
    const repo = this.repo(em);
    return repo.save(repo.create(data));
  }

  async update(em: EntityManager, id: string, data: Partial<UserEntity>): Promise<void> {
    await this.repo(em).update({ id }, data);
  }

  /** Locks the user row for the rest of the transaction. */
  lock(em: EntityManager, id: string): Promise<UserEntity | null> {
    return this.repo(em).createQueryBuilder('u').setLock('pessimistic_write').where('u.id = :id', { id }).getOne();
  }

  /** Active admins, locked: the last one may not be demoted or deactivated. */
  async lockActiveAdmins(em: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await em.query("SELECT id FROM users WHERE role = 'admin' AND active FOR UPDATE");
    return rows.map((r) => r.id);
  }

  async countActiveAdmins(): Promise<number> {
    return this.repo().countBy({ role: 'admin', active: true });
  }

  async revokeSessions(em: EntityManager, userId: string): Promise<void> {
    await em.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
  }

  transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(fn);
  }
}
