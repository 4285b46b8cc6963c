import { OPEN_TICKET_STATUSES } from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { TeamMemberEntity } from './team-member.entity.js';
import { TeamEntity } from './team.entity.js';

export interface TeamRow extends TeamEntity {
  memberCount: number;
}

export interface MemberRow {
  teamId: string;
  userId: string;
  name: string;
  email: string;
  role: string;
  availability: string;
  capacity: number;
  joinedAt: Date;
}

export type MemberWithLoad = MemberRow & { openTickets: number };

const MEMBER_OF = 'EXISTS (SELECT 1 FROM team_members mm WHERE mm.team_id = t.id AND mm.user_id = :memberId)';

@Injectable()
export class TeamRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private teams(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(TeamEntity);
  }

  private selectTeams(em?: EntityManager) {
    return this.teams(em)
      .createQueryBuilder('t')
      .addSelect('(SELECT count(*) FROM team_members m WHERE m.team_id = t.id)::int', 'member_count');
  }

  private async rows(qb: ReturnType<TeamRepository['selectTeams']>): Promise<TeamRow[]> {
    const { entities, raw } = await qb.getRawAndEntities<{ member_count: number }>();
    return entities.map((e, i) => Object.assign(e, { memberCount: raw[i]?.member_count ?? 0 }));
  }

  /** With `memberId`, only a team that user belongs to. */
  async findById(id: string, em?: EntityManager, memberId?: string): Promise<TeamRow | null> {
    const qb = this.selectTeams(em).where('t.id = :id', { id });
    if (memberId) qb.andWhere(MEMBER_OF, { memberId });
    return (await this.rows(qb))[0] ?? null;
  }

  findDefault(em?: EntityManager): Promise<TeamEntity | null> {
    return this.teams(em).findOneBy({ isDefault: true });
  }

  /** Keyset page: the default team first, then by name and id. */
  list(limit: number, after?: [number, string, string], memberId?: string): Promise<TeamRow[]> {
    const qb = this.selectTeams()
      .orderBy('(CASE WHEN t.is_default THEN 0 ELSE 1 END)', 'ASC')
      .addOrderBy('t.name', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .limit(limit + 1);
    if (memberId) qb.andWhere(MEMBER_OF, { memberId });
    if (after) {
      qb.andWhere('((CASE WHEN t.is_default THEN 0 ELSE 1 END), t.name, t.id) > (:rank, :name, :id)', {
        rank: after[0],
        name: after[1],
        id: after[2],
      });
    }
    return this.rows(qb);
  }

  async insert(em: EntityManager, data: Partial<TeamEntity>): Promise<string> {
    const saved = await this.teams(em).save(this.teams(em).create(data));
    return saved.id;
  }

  async update(em: EntityManager, id: string, data: Partial<TeamEntity>): Promise<void> {
    await this.teams(em).update({ id }, data);
  }

  lock(em: EntityManager, id: string): Promise<TeamEntity | null> {
    return this.teams(em).createQueryBuilder('t').setLock('pessimistic_write').where('t.id = :id', { id }).getOne();
  }

  /** A deleted team's tickets move to the default team (tickets always belong to a team). */
  async delete(em: EntityManager, id: string): Promise<void> {
    await em.query('UPDATE tickets SET team_id = (SELECT id FROM teams WHERE is_default) WHERE team_id = $1', [id]);
    await this.teams(em).delete({ id });
  }

  /** Members by name; keyset on (name, user id). */
  async members(teamId: string, limit: number, after?: [string, string]): Promise<MemberRow[]> {
    const params: unknown[] = [teamId, limit + 1];
    let where = '';
    if (after) {
      params.push(after[0], after[1]);
      where = 'AND (u.name, u.id) > ($3, $4)';
    }
    return this.ds.query(
      `SELECT m.team_id AS "teamId", u.id AS "userId", u.name, u.email, u.role, u.availability, u.capacity,
              m.joined_at AS "joinedAt"
         FROM team_members m JOIN users u ON u.id = m.user_id
        WHERE m.team_id = $1 ${where}
        ORDER BY u.name, u.id LIMIT $2`,
      params,
    );
  }

  async member(teamId: string, userId: string, em?: EntityManager): Promise<MemberRow | null> {
    const rows: MemberRow[] = await (em ?? this.ds.manager).query(
      `SELECT m.team_id AS "teamId", u.id AS "userId", u.name, u.email, u.role, u.availability, u.capacity,
              m.joined_at AS "joinedAt"
         FROM team_members m JOIN users u ON u.id = m.user_id WHERE m.team_id = $1 AND m.user_id = $2`,
      [teamId, userId],
    );
    return rows[0] ?? null;
  }

  /** Adds a member; false when they already were one. */
  /**
   * Each user's open tickets, in one grouped read of the trigger-kept counters (an index probe per team and
   * status, no `COUNT(*)` over tickets); a user with none is absent from the map.
   */
  async openTickets(userIds: string[], em?: EntityManager): Promise<Map<string, number>> {
    if (!userIds.length) return new Map();
    const rows = await (em ?? this.ds.manager).query<{ userId: string; n: number }[]>(
      `SELECT c.assignee_key AS "userId", sum(c.n)::int AS n
         FROM teams tt JOIN ticket_counters c
           ON c.team_id = tt.id AND c.assignee_key = ANY($1::uuid[]) AND c.status = ANY($2::text[])
        GROUP BY c.assignee_key`,
      [userIds, OPEN_TICKET_STATUSES],
    );
    return new Map(rows.map((r) => [r.userId, r.n]));
  }

  async addMember(em: EntityManager, teamId: string, userId: string): Promise<boolean> {
    const res = await em
      .createQueryBuilder()
      .insert()
      .into(TeamMemberEntity)
      .values({ teamId, userId })
      .orIgnore()
      .returning(['team_id'])
      .execute();
    return (res.raw as unknown[]).length > 0;
  }

  async removeMember(em: EntityManager, teamId: string, userId: string): Promise<boolean> {
    const res = await em.getRepository(TeamMemberEntity).delete({ teamId, userId });
    return (res.affected ?? 0) > 0;
  }

  async teamIdsOf(userId: string): Promise<string[]> {
    const rows = await this.ds.getRepository(TeamMemberEntity).find({ where: { userId }, select: { teamId: true } });
    return rows.map((r) => r.teamId);
  }

  transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(fn);
  }
}
