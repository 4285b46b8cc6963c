import type {
  AddTeamMemberRequest,
  CreateTeamRequest,
  Page,
  PageQuery,
  Team,
  TeamMember,
  UpdateTeamRequest,
} from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import { AppException, ErrorCode, isUniqueViolation, NotFoundException } from '../../common/app.exception.js';
import { DomainEvents } from '../../common/domain-events.js';
import { decodeCursor, toPage } from '../../common/pagination.js';
import { isManager, type Principal } from '../../common/principal.js';
import { UserRepository } from '../user/user.repository.js';
import { TeamRepository, type MemberWithLoad, type TeamRow } from './team.repository.js';

const toTeam = (t: TeamRow): Team => ({
  id: t.id,
  name: t.name,
  assignmentMode: t.assignmentMode,
  isDefault: t.isDefault,
  memberCount: t.memberCount,
  createdAt: t.createdAt.toISOString(),
});

const toMember = (m: MemberWithLoad): TeamMember => ({
  teamId: m.teamId,
  userId: m.userId,
  name: m.name,
  email: m.email,
  role: m.role as TeamMember['role'],
  availability: m.availability as TeamMember['availability'],
  capacity: m.capacity,
  openTickets: m.openTickets,
  joinedAt: new Date(m.joinedAt).toISOString(),
});

const nameTaken = () =>
  new AppException(ErrorCode.Conflict, 'A team with this name already exists', {
    fields: [{ path: 'name', message: 'is already taken' }],
  });

@Injectable()
export class TeamService {
  constructor(
    private readonly teams: TeamRepository,
    private readonly users: UserRepository,
    private readonly events: DomainEvents,
  ) {}

  /** Teams the caller may see: all for managers and admins, else their own (in the query itself). */
  async list(actor: Principal, q: PageQuery): Promise<Page<Team>> {
    const after = decodeCursor(q.cursor, 3) as [number, string, string] | undefined;
    const rows = await this.teams.list(q.limit, after, isManager(actor) ? undefined : actor.userId);
    return toPage(rows, q.limit, toTeam, (t) => [t.isDefault ? 0 : 1, t.name, t.id]);
  }

  /** A team the caller may not see answers 404, like one that does not exist. */
  async get(actor: Principal, id: string): Promise<Team> {
    const t = await this.teams.findById(id, undefined, isManager(actor) ? undefined : actor.userId);
    if (!t) throw new NotFoundException('Team');
    return toTeam(t);
  }

  async create(input: CreateTeamRequest): Promise<Team> {
    try {
      return await this.teams.transaction(async (em) => {
        const id = await this.teams.insert(em, { name: input.name, assignmentMode: input.assignmentMode ?? 'manual' });
        return toTeam((await this.teams.findById(id, em))!);
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw nameTaken();
      throw e;
    }
  }

  async update(id: string, input: UpdateTeamRequest): Promise<Team> {
    try {
      return await this.teams.transaction(async (em) => {
        const team = await this.teams.lock(em, id);
        if (!team) throw new NotFoundException('Team');
        if (team.isDefault && input.name !== undefined && input.name !== team.name) {
          throw new AppException(ErrorCode.Conflict, 'The default team keeps its name', {
            fields: [{ path: 'name', message: 'cannot change on the default team' }],
          });
        }
        await this.teams.update(em, id, input);
        return toTeam((await this.teams.findById(id, em))!);
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw nameTaken();
      throw e;
    }
  }

  async remove(id: string): Promise<void> {
    await this.teams.transaction(async (em) => {
      const team = await this.teams.lock(em, id);
      if (!team) throw new NotFoundException('Team');
      if (team.isDefault) throw new AppException(ErrorCode.Conflict, 'The default team cannot be deleted');
      await this.teams.delete(em, id);
    });
    this.events.emit('team.deleted', { teamId: id });
  }

  async members(actor: Principal, teamId: string, q: PageQuery): Promise<Page<TeamMember>> {
    await this.get(actor, teamId);
    const after = decodeCursor(q.cursor, 2) as [string, string] | undefined;
    const rows = await this.teams.members(teamId, q.limit, after);
    const load = await this.teams.openTickets(rows.map((m) => m.userId));
    const withLoad = rows.map((m) => ({ ...m, openTickets: load.get(m.userId) ?? 0 }));
    return toPage(withLoad, q.limit, toMember, (m) => [m.name, m.userId]);
  }

  async addMember(teamId: string, input: AddTeamMemberRequest): Promise<TeamMember> {
    const member = await this.teams.transaction(async (em) => {
      if (!(await this.teams.lock(em, teamId))) throw new NotFoundException('Team');
      const user = await this.users.lock(em, input.userId);
      if (!user) {
        throw new AppException(ErrorCode.NotFound, 'User not found', {
          fields: [{ path: 'userId', message: 'no such user' }],
        });
      }
      if (!user.active) {
        throw new AppException(ErrorCode.Unprocessable, 'A deactivated user cannot join a team', {
          fields: [{ path: 'userId', message: 'is deactivated' }],
        });
      }
      if (!(await this.teams.addMember(em, teamId, input.userId))) {
        throw new AppException(ErrorCode.Conflict, 'This user is already a member of the team');
      }
      const row = (await this.teams.member(teamId, input.userId, em))!;
      const load = await this.teams.openTickets([row.userId], em);
      return toMember({ ...row, openTickets: load.get(row.userId) ?? 0 });
    });
    this.events.emit('team.membership_changed', { teamId, userId: input.userId, member: true });
    return member;
  }

  async removeMember(teamId: string, userId: string): Promise<void> {
    await this.teams.transaction(async (em) => {
      if (!(await this.teams.lock(em, teamId))) throw new NotFoundException('Team');
      if (!(await this.teams.removeMember(em, teamId, userId))) throw new NotFoundException('Team member');
    });
    this.events.emit('team.membership_changed', { teamId, userId, member: false });
  }
}
