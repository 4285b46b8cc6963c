import type { CreateUserRequest, ListUsersQuery, Page, UpdateUserRequest, User } from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import {
  AppException,
  ErrorCode,
  ForbiddenException,
  isUniqueViolation,
  NotFoundException,
} from '../../common/app.exception.js';
import { decodeCursor, toPage } from '../../common/pagination.js';
import { isManager, type Principal } from '../../common/principal.js';
import { hashPassword } from '../auth/auth.crypto.js';
import { DomainEvents } from '../../common/domain-events.js';
import { toUser } from './user.mapper.js';
import { UserRepository } from './user.repository.js';

@Injectable()
export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly events: DomainEvents,
  ) {}

  async list(q: ListUsersQuery): Promise<Page<User>> {
    const after = decodeCursor(q.cursor, 2) as [string, string] | undefined;
    const rows = await this.users.list(q, after);
    return toPage(rows, q.limit, toUser, (u) => [u.name, u.id]);
  }

  async get(id: string): Promise<User> {
    const u = await this.users.findById(id);
    if (!u) throw new NotFoundException('User');
    return toUser(u);
  }

  async create(input: CreateUserRequest): Promise<User> {
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.users.transaction(async (em) => {
        const u = await this.users.insert(em, {
          email: input.email.toLowerCase(),
          name: input.name,
          role: input.role,
          passwordHash,
          locale: input.locale ?? 'en',
          ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
        });
        return toUser((await this.users.findById(u.id, em))!);
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw this.emailTaken();
      throw e;
    }
  }

  /** Admins change anything; managers only `capacity` (SPEC §9). */
  async update(actor: Principal, id: string, input: UpdateUserRequest): Promise<User> {
    if (actor.role !== 'admin') {
      const others = Object.keys(input).filter((k) => k !== 'capacity');
      if (!isManager(actor) || others.length) {
        throw new ForbiddenException(`Managers may only change capacity (not ${others.join(', ')})`);
      }
    }
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    let change: 'deactivated' | 'revoked' | 'role_changed' | null = null;
    try {
      const user = await this.users.transaction(async (em) => {
        const admins = await this.users.lockActiveAdmins(em);
        const current = await this.users.lock(em, id);
        if (!current) throw new NotFoundException('User');
        const losesAdmin =
          current.role === 'admin' &&
          current.active &&
          ((input.role && input.role !== 'admin') || input.active === false);
        if (losesAdmin && admins.length <= 1) {
          throw new AppException(ErrorCode.Conflict, 'The last active admin cannot be demoted or deactivated');
        }
        const { password: _password, email, ...rest } = input;
        await this.users.update(em, id, {
          ...rest,
          ...(email ? { email: email.toLowerCase() } : {}),
          ...(passwordHash ? { passwordHash } : {}),
        });
        // A new password ends every session; deactivation is checked on every request and cuts live sockets.
        if (passwordHash) await this.users.revokeSessions(em, id);
        if (input.active === false && current.active) change = 'deactivated';
        else if (passwordHash) change = 'revoked';
        else if (input.role && input.role !== current.role) change = 'role_changed';
        return toUser((await this.users.findById(id, em))!);
      });
      if (change) this.events.emit('user.access_changed', { userId: id, reason: change });
      return user;
    } catch (e) {
      if (isUniqueViolation(e)) throw this.emailTaken();
      throw e;
    }
  }

  private emailTaken() {
    return new AppException(ErrorCode.Conflict, 'A user with this email already exists', {
      fields: [{ path: 'email', message: 'is already taken' }],
    });
  }
}
