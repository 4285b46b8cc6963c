import {
  PresenceTypingSchema,
  PresenceViewSchema,
  ROOM,
  SESSION_COOKIE,
  type ClientToServerEvents,
  type EventEnvelope,
  type EventName,
  type PresenceAck,
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
import type { z } from 'zod';
import { bearerToken, readCookie } from '../common/cookies.js';
import { DomainEvents } from '../common/domain-events.js';
import { isManager, type Principal } from '../common/principal.js';
import { AuthService, type ResolvedCredential } from '../modules/auth/auth.service.js';
import { TYPING_SEC } from '../modules/presence/presence.repository.js';
import { PresenceService } from '../modules/presence/presence.service.js';
import { TeamRepository } from '../modules/team/team.repository.js';

interface SocketData {
  principal: Principal;
  expiresAt: number | null;
  expiryTimer?: NodeJS.Timeout;
  /** Per ticket: re-announces the viewers when this socket's typing signal lapses. */
  typingTimers?: Map<string, NodeJS.Timeout>;
}
export type DengarServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type DengarSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const credentialRoom = (p: Principal) => (p.sessionId ? `session:${p.sessionId}` : `token:${p.tokenId ?? ''}`);
/** How often live sockets re-check their credentials (a backstop for revocations made elsewhere). */
export const SWEEP_MS = 30_000;
const MAX_TIMER_MS = 2 ** 31 - 1;
/** How often this instance refreshes its rows in `user_sockets` (a row counts as live for 60 s). */
export const HEARTBEAT_MS = 20_000;

type Ack = ((r: PresenceAck) => void) | undefined;
const answer = (ack: unknown, r: PresenceAck) => {
  if (typeof ack === 'function') (ack as (r: PresenceAck) => void)(r);
};
const invalid = (error: z.ZodError) =>
  `invalid ${error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ')}`;

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
  private heartbeat?: NodeJS.Timeout;

  constructor(
    private readonly auth: AuthService,
    private readonly teams: TeamRepository,
    private readonly presence: PresenceService,
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
    this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  onModuleDestroy() {
    clearInterval(this.sweep);
    clearInterval(this.heartbeat);
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
    // Registered before any await so a message sent right after the handshake is not lost.
    socket.on('presence.view', (msg, ack) => void this.onView(socket, msg, ack));
    socket.on('presence.typing', (msg, ack) => void this.onTyping(socket, msg, ack));
    try {
      const p = socket.data.principal;
      const rooms = await this.roomsOf(p);
      await socket.join([...rooms, credentialRoom(p)]);
      await this.presence.socketConnected(socket.id, p.userId);
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
    for (const timer of socket.data.typingTimers?.values() ?? []) clearTimeout(timer);
    void this.gone(socket);
  }

  /** The socket's row and its ticket presence go; the tickets it was on hear who is left. */
  private async gone(socket: DengarSocket) {
    const userId = socket.data.principal?.userId;
    if (!userId) return;
    try {
      const ticketIds = await this.presence.socketDisconnected(socket.id, userId);
      for (const ticketId of ticketIds) await this.announceViewers(ticketId, userId);
    } catch (err) {
      this.logger.warn({ err, socketId: socket.id }, 'could not record a socket disconnect');
    }
  }

  /** Keeps this instance's socket rows live; presence left behind by dead sockets is cleared and announced. */
  async beat() {
    try {
      const sockets = [...this.server.sockets.sockets.values()].flatMap((s) =>
        s.data.principal ? [{ socketId: s.id, userId: s.data.principal.userId }] : [],
      );
      const stale = await this.presence.heartbeat(sockets);
      const seen = new Set<string>();
      for (const { ticketId, userId } of stale) {
        if (seen.has(ticketId)) continue;
        seen.add(ticketId);
        await this.announceViewers(ticketId, userId);
      }
    } catch (err) {
      this.logger.warn({ err }, 'socket heartbeat failed');
    }
  }

  private async onView(socket: DengarSocket, raw: unknown, ack: Ack) {
    const parsed = PresenceViewSchema.safeParse(raw);
    if (!parsed.success) return answer(ack, { ok: false, error: invalid(parsed.error) });
    const { ticketId, viewing } = parsed.data;
    const p = socket.data.principal;
    try {
      if (viewing) {
        if (!(await this.presence.startViewing(p, socket.id, ticketId))) {
          return answer(ack, { ok: false, error: 'not found' });
        }
        await socket.join(ROOM.ticket(ticketId));
      } else {
        this.clearTyping(socket, ticketId);
        await this.presence.stopViewing(socket.id, ticketId);
        await socket.leave(ROOM.ticket(ticketId));
      }
      answer(ack, { ok: true });
      await this.announceViewers(ticketId, p.userId);
    } catch (err) {
      this.logger.warn({ err, ticketId }, 'presence.view failed');
      answer(ack, { ok: false, error: 'unavailable' });
    }
  }

  private async onTyping(socket: DengarSocket, raw: unknown, ack: Ack) {
    const parsed = PresenceTypingSchema.safeParse(raw);
    if (!parsed.success) return answer(ack, { ok: false, error: invalid(parsed.error) });
    const { ticketId, typing } = parsed.data;
    const p = socket.data.principal;
    try {
      const outcome = await this.presence.setTyping(p, socket.id, ticketId, typing);
      if (outcome === 'denied') return answer(ack, { ok: false, error: 'not found' });
      this.clearTyping(socket, ticketId);
      if (typing) {
        await socket.join(ROOM.ticket(ticketId));
        // The signal lapses by itself in the database; this tells the others when it has.
        const timer = setTimeout(
          () => {
            socket.data.typingTimers?.delete(ticketId);
            void this.announceViewers(ticketId, p.userId);
          },
          TYPING_SEC * 1000 + 250,
        );
        timer.unref();
        (socket.data.typingTimers ??= new Map()).set(ticketId, timer);
      }
      answer(ack, { ok: true });
      if (outcome === 'changed') await this.announceViewers(ticketId, p.userId);
    } catch (err) {
      this.logger.warn({ err, ticketId }, 'presence.typing failed');
      answer(ack, { ok: false, error: 'unavailable' });
    }
  }

  private clearTyping(socket: DengarSocket, ticketId: string) {
    const timer = socket.data.typingTimers?.get(ticketId);
    if (timer) clearTimeout(timer);
    socket.data.typingTimers?.delete(ticketId);
  }

  /**
   * Who is on the ticket now, to everyone viewing it on every instance (the adapter carries it). Presence is
   * ephemeral: not in the event log, so `seq` is 0 and a reconnecting client re-announces what it views.
   */
  async announceViewers(ticketId: string, userId: string) {
    try {
      const viewers = await this.presence.viewers(ticketId);
      this.server.to(ROOM.ticket(ticketId)).emit('presence.updated', {
        seq: 0,
        at: new Date().toISOString(),
        data: { userId, ticketId, viewers },
      });
    } catch (err) {
      this.logger.warn({ err, ticketId }, 'could not announce ticket viewers');
    }
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
