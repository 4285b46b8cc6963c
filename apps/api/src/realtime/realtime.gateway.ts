import {
  ROOM,
  SESSION_COOKIE,
  type ClientToServerEvents,
  type EventEnvelope,
  type EventName,
  type ServerToClientEvents,
} from '@dengar/contracts';
import { Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { bearerToken, readCookie } from '../common/cookies.js';
import { DomainEvents } from '../common/domain-events.js';
import { isManager, type Principal } from '../common/principal.js';
import { AuthService, type ResolvedCredential } from '../modules/auth/auth.service.js';
import { TeamRepository } from '../modules/team/team.repository.js';

interface SocketData {
  principal: Principal;
  expiresAt: number | null;
  expiryTimer?: NodeJS.Timeout;
}
export type DengarServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type DengarSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const credentialRoom = (p: Principal) => (p.sessionId ? `session:${p.sessionId}` : `token:${p.tokenId ?? ''}`);
/** How often live sockets re-check their credentials (a backstop for revocations made elsewhere). */
export const SWEEP_MS = 30_000;
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * socket.io on the API's own HTTP server (SPEC §7). The handshake is authenticated with the same session
 * cookie or API token as HTTP; a socket joins `user:<id>`, `team:<id>` per team and `managers` for
 * managers and admins, and is cut when its session ends, is revoked, or its user is deactivated.
 */
@WebSocketGateway({ path: '/socket.io', serveClient: false })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  @WebSocketServer() server: DengarServer;
  private readonly logger = new Logger('RealtimeGateway');
  private sweep?: NodeJS.Timeout;

  constructor(
    private readonly auth: AuthService,
    private readonly teams: TeamRepository,
    events: DomainEvents,
  ) {
    events.on('session.ended', ({ sessionId, reason }) => this.cut(`session:${sessionId}`, reason));
    events.on('token.revoked', ({ tokenId }) => this.cut(`token:${tokenId}`, 'revoked'));
    events.on('user.access_changed', ({ userId, reason }) => {
      if (reason === 'role_changed') return this.cut(ROOM.user(userId), 'revoked', false);
      return this.cut(ROOM.user(userId), reason);
    });
    events.on('team.membership_changed', ({ teamId, userId, member }) => {
      const sockets = this.server.in(ROOM.user(userId));
      if (member) sockets.socketsJoin(ROOM.team(teamId));
      else sockets.socketsLeave(ROOM.team(teamId));
    });
    events.on('team.deleted', ({ teamId }) => this.server.socketsLeave(ROOM.team(teamId)));
  }

  afterInit(server: DengarServer) {
    server.use((socket: DengarSocket, next) => {
      this.authenticate(socket)
        .then((cred) => {
          if (!cred) return next(new Error('unauthorized'));
          socket.data.principal = cred.principal;
          socket.data.expiresAt = cred.expiresAt?.getTime() ?? null;
          next();
        })
        .catch((err: unknown) => {
          this.logger.error({ err }, 'socket handshake failed');
          next(new Error('unavailable'));
        });
    });
    this.sweep = setInterval(() => void this.sweepDead(), SWEEP_MS);
    this.sweep.unref();
  }

  onModuleDestroy() {
    clearInterval(this.sweep);
  }

  private async authenticate(socket: DengarSocket): Promise<ResolvedCredential | null> {
    const auth = socket.handshake.auth as { token?: unknown } | undefined;
    const token = typeof auth?.token === 'string' ? auth.token : bearerToken(socket.handshake.headers.authorization);
    if (token) return this.auth.resolveToken(token);
    const cookie = readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
    return cookie ? this.auth.resolveSession(cookie) : null;
  }

  /** The rooms a user's sockets join; also what `GET /api/events` filters the log by. */
  async roomsOf(p: Pick<Principal, 'userId' | 'role'>): Promise<string[]> {
    const rooms = [ROOM.user(p.userId), ...(await this.teams.teamIdsOf(p.userId)).map(ROOM.team)];
    if (isManager(p)) rooms.push(ROOM.managers);
    if (p.role !== 'agent') rooms.push(ROOM.listening);
    return rooms;
  }

  /** Emits to this instance's sockets only: the event relay runs on every instance and reads the shared log. */
  emitLocal(rooms: string[], name: EventName, envelope: EventEnvelope) {
    // The name is only known at run time here; the log holds names and payloads of ServerToClientEvents.
    const target = this.server.local.to(rooms) as unknown as { emit(ev: EventName, e: EventEnvelope): boolean };
    target.emit(name, envelope);
  }

  async handleConnection(socket: DengarSocket) {
    try {
      const p = socket.data.principal;
      const rooms = await this.roomsOf(p);
      await socket.join([...rooms, credentialRoom(p)]);
      const { expiresAt } = socket.data;
      if (expiresAt !== null && expiresAt - Date.now() < MAX_TIMER_MS) {
        socket.data.expiryTimer = setTimeout(() => this.end(socket, 'expired'), Math.max(0, expiresAt - Date.now()));
      }
      socket.emit('session.ready', { userId: p.userId, rooms });
    } catch (err) {
      // Nest does not await this hook: a failure here must not become an unhandled rejection.
      this.logger.error({ err }, 'could not set up a socket');
      socket.disconnect(true);
    }
  }

  handleDisconnect(socket: DengarSocket) {
    clearTimeout(socket.data.expiryTimer);
  }

  private end(socket: DengarSocket, reason: 'logout' | 'revoked' | 'expired' | 'deactivated') {
    socket.emit('session.ended', { reason });
    socket.disconnect(true);
  }

  /** Cuts every socket in a room, on every instance (the adapter carries it across). */
  private cut(room: string, reason: 'logout' | 'revoked' | 'deactivated', notify = true) {
    if (notify) this.server.to(room).emit('session.ended', { reason });
    this.server.in(room).disconnectSockets(true);
  }

  /** Sockets whose session or token died without a notice reaching this instance are cut here. */
  async sweepDead() {
    try {
      const sockets = [...this.server.sockets.sockets.values()] as DengarSocket[];
      if (!sockets.length) return;
      const sessionIds = [
        ...new Set(sockets.flatMap((s) => (s.data.principal?.sessionId ? [s.data.principal.sessionId] : []))),
      ];
      const tokenIds = [
        ...new Set(sockets.flatMap((s) => (s.data.principal?.tokenId ? [s.data.principal.tokenId] : []))),
      ];
      const dead = new Set(await this.auth.deadCredentials(sessionIds, tokenIds));
      for (const s of sockets) {
        const id = s.data.principal?.sessionId ?? s.data.principal?.tokenId;
        if (id && dead.has(id)) this.end(s, 'revoked');
      }
    } catch (err) {
      this.logger.warn({ err }, 'socket credential sweep failed');
    }
  }
}
