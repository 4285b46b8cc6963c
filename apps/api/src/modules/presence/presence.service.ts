import { randomUUID } from 'node:crypto';
import { ROOM, type Availability, type SetAvailabilityRequest } from '@dengar/contracts';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { NotFoundException } from '../../common/app.exception.js';
import type { Principal } from '../../common/principal.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { JobsService } from '../../jobs/jobs.service.js';
import { AssignmentService } from '../assignment/assignment.service.js';
import { EventLog, event, type PendingEvent } from '../event/event-log.service.js';
import { TicketRepository } from '../ticket/ticket.repository.js';
import { PresenceRepository, type Viewer } from './presence.repository.js';

/** This process among the API instances: each refreshes (and cleans up) only its own socket rows. */
export const INSTANCE_ID = randomUUID();

export const PRESENCE_SWEEP_JOB = 'presence.offline-sweep';
const SWEEP_EVERY_MS = 30_000;
const SWEEP_BATCH = 500;

const availabilityRooms = (userId: string, teamIds: string[]) => [
  ROOM.managers,
  ROOM.user(userId),
  ...teamIds.map(ROOM.team),
];

/**
 * Availability (SPEC §3, §5) and who is on a ticket (SPEC §5 "Presence and collision"). Availability changes
 * are durable and go through the event log; ticket presence is ephemeral, shared between instances through
 * `user_sockets`/`ticket_presence`, and announced by the gateway straight over socket.io.
 */
@Injectable()
export class PresenceService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Presence');
  /** PRESENCE_OFFLINE_AFTER_SEC, validated with the rest of the environment at start. */
  readonly offlineAfterSec: number;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly repo: PresenceRepository,
    private readonly tickets: TicketRepository,
    private readonly log: EventLog,
    private readonly assignment: AssignmentService,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.offlineAfterSec = config.presenceOfflineAfterSec;
    // A stately queue with one key: however many instances tick, one sweep is queued and one runs.
    jobs.worker(
      PRESENCE_SWEEP_JOB,
      { concurrency: 1, expireInSeconds: 120, pollingIntervalSeconds: 5, policy: 'stately' },
      async () => {
        await this.sweepOffline();
      },
    );
  }

  onApplicationBootstrap() {
    this.timer = setInterval(() => void this.enqueueSweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown() {
    clearInterval(this.timer);
  }

  private async enqueueSweep() {
    try {
      await this.jobs.send(PRESENCE_SWEEP_JOB, {}, PRESENCE_SWEEP_JOB);
    } catch (err) {
      this.logger.warn({ err }, 'could not queue the offline sweep');
    }
  }

  /**
   * `PUT /api/users/me/availability`: tells managers and the user's teams; coming online hands the user
   * waiting tickets of their teams in the same transaction.
   */
  async setAvailability(
    p: Principal,
    input: SetAvailabilityRequest,
  ): Promise<{ userId: string; availability: Availability }> {
    return this.repo.transaction(async (em) => {
      const row = await this.repo.setAvailability(em, p.userId, input.availability);
      if (!row) throw new NotFoundException('User');
      const events: PendingEvent[] = [];
      if (row.previous !== input.availability) {
        events.push(
          event('presence.updated', availabilityRooms(p.userId, row.teamIds), {
            userId: p.userId,
            availability: input.availability,
          }),
        );
      }
      // Also on a repeated `online`: it doubles as "give me what is waiting".
      if (input.availability === 'online') await this.assignment.assignWaiting(em, { userIds: [p.userId] }, events);
      await this.log.record(em, events);
      return { userId: p.userId, availability: input.availability };
    });
  }

  /**
   * Users whose sockets have all been gone for `afterSec` (and who showed no other sign of life) become
   * `offline`. Runs every 30 s as a job; public so tests need not wait for it. Returns the users set offline.
   */
  async sweepOffline(afterSec = this.offlineAfterSec): Promise<string[]> {
    const done: string[] = [];
    for (;;) {
      const batch = await this.repo.transaction(async (em) => {
        const rows = await this.repo.sweepOffline(em, afterSec, SWEEP_BATCH);
        await this.log.record(
          em,
          rows.map((r) =>
            event('presence.updated', availabilityRooms(r.userId, r.teamIds), {
              userId: r.userId,
              availability: 'offline',
            }),
          ),
        );
        return rows;
      });
      done.push(...batch.map((r) => r.userId));
      if (batch.length < SWEEP_BATCH) return done;
    }
  }

  socketConnected(socketId: string, userId: string): Promise<void> {
    return this.repo.socketConnected(socketId, userId, INSTANCE_ID);
  }

  /** The tickets the socket was viewing (their viewer lists changed). */
  socketDisconnected(socketId: string, userId: string): Promise<string[]> {
    return this.repo.socketDisconnected(socketId, userId);
  }

  heartbeat(sockets: { socketId: string; userId: string }[]): Promise<{ ticketId: string; userId: string }[]> {
    return this.repo.heartbeat(INSTANCE_ID, sockets);
  }

  /** Starts viewing after the access check; false when the user may not see the ticket (or it does not exist). */
  async startViewing(p: Principal, socketId: string, ticketId: string): Promise<boolean> {
    if (!(await this.tickets.findVisible(null, p, ticketId))) return false;
    await this.repo.view(socketId, ticketId, p.userId, INSTANCE_ID);
    return true;
  }

  async stopViewing(socketId: string, ticketId: string): Promise<void> {
    await this.repo.unview(socketId, ticketId);
  }

  /**
   * Typing on a ticket. Typing implies viewing: a socket that did not announce the view (a reconnect that
   * raced) gets the same access check and joins. `denied` when the user may not see the ticket; `unchanged`
   * when nothing others see changed (a repeated signal that keeps it alive, a stop on a ticket not viewed).
   */
  async setTyping(
    p: Principal,
    socketId: string,
    ticketId: string,
    typing: boolean,
  ): Promise<'changed' | 'unchanged' | 'denied'> {
    const row = await this.repo.typing(socketId, ticketId, typing);
    if (row) return row.was === typing ? 'unchanged' : 'changed';
    if (!typing) return 'unchanged';
    if (!(await this.startViewing(p, socketId, ticketId))) return 'denied';
    await this.repo.typing(socketId, ticketId, true);
    return 'changed';
  }

  viewers(ticketId: string): Promise<Viewer[]> {
    return this.repo.viewers(ticketId);
  }
}
