import type { Availability } from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { returning } from '../../database/sql.js';

/** A socket row counts as live while its instance keeps refreshing it (every ~20 s). */
export const SOCKET_LIVE_SEC = 60;
/** How long a `typing: true` holds without a repeat. */
export const TYPING_SEC = 6;
/** Socket rows this old belong to an instance that died; they are deleted. */
const SOCKET_FORGET_SEC = 600;

const LIVE_SOCKET = `s.seen_at > now() - make_interval(secs => ${SOCKET_LIVE_SEC})`;

export interface Viewer {
  userId: string;
  name: string;
  typing: boolean;
}

@Injectable()
export class PresenceRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  transaction<T>(fn: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(fn);
  }

  /** Sets an active user's availability; null when there is no such active user. */
  async setAvailability(
    em: EntityManager,
    userId: string,
    availability: Availability,
  ): Promise<{ previous: Availability; teamIds: string[] } | null> {
    const rows = await returning<{ previous: Availability; teamIds: string[] }>(
      em,
      `WITH old AS (SELECT id, availability FROM users WHERE id = $1 AND active FOR UPDATE)
       UPDATE users u SET availability = $2, last_seen_at = now(), updated_at = now()
         FROM old WHERE u.id = old.id
       RETURNING old.availability AS previous,
         ARRAY(SELECT m.team_id FROM team_members m WHERE m.user_id = u.id ORDER BY m.team_id)::text[] AS "teamIds"`,
      [userId, availability],
    );
    return rows[0] ?? null;
  }

  /**
   * Non-offline users with no live socket whose last sign of life is older than `afterSec` become `offline`.
   * Rows another sweep (or an availability change) holds are skipped, not waited for.
   */
  sweepOffline(em: EntityManager, afterSec: number, limit: number): Promise<{ userId: string; teamIds: string[] }[]> {
    return returning(
      em,
      `UPDATE users u SET availability = 'offline', updated_at = now()
        WHERE u.id IN (
          SELECT x.id FROM users x
           WHERE x.availability <> 'offline'
             AND (x.last_seen_at IS NULL OR x.last_seen_at < now() - make_interval(secs => $1))
             AND NOT EXISTS (SELECT 1 FROM user_sockets s WHERE s.user_id = x.id AND ${LIVE_SOCKET})
           ORDER BY x.id LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING u.id AS "userId",
         ARRAY(SELECT m.team_id FROM team_members m WHERE m.user_id = u.id ORDER BY m.team_id)::text[] AS "teamIds"`,
      [afterSec, limit],
    );
  }

  async socketConnected(socketId: string, userId: string, instanceId: string): Promise<void> {
    await this.ds.transaction(async (em) => {
      await em.query(
        `INSERT INTO user_sockets (socket_id, user_id, instance_id, seen_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (socket_id) DO UPDATE SET seen_at = now()`,
        [socketId, userId, instanceId],
      );
      await em.query('UPDATE users SET last_seen_at = now() WHERE id = $1', [userId]);
    });
  }

  /** Forgets the socket and what it viewed; the tickets it was on. */
  async socketDisconnected(socketId: string, userId: string): Promise<string[]> {
    return this.ds.transaction(async (em) => {
      const gone = await returning<{ ticketId: string }>(
        em,
        'DELETE FROM ticket_presence WHERE socket_id = $1 RETURNING ticket_id AS "ticketId"',
        [socketId],
      );
      await em.query('DELETE FROM user_sockets WHERE socket_id = $1', [socketId]);
      // The grace before the offline sweep starts when the last socket goes.
      await em.query('UPDATE users SET last_seen_at = now() WHERE id = $1', [userId]);
      return gone.map((g) => g.ticketId);
    });
  }

  /**
   * One instance's heartbeat: its live sockets are (re)asserted — an upsert, so a row lost to a race with a
   * connect comes back — its rows for sockets it no longer holds are dropped, rows of dead instances are
   * forgotten, and presence rows whose socket is no longer live are removed. Returns the tickets (with the
   * user) whose viewer list lost someone.
   */
  async heartbeat(
    instanceId: string,
    sockets: { socketId: string; userId: string }[],
  ): Promise<{ ticketId: string; userId: string }[]> {
    const socketIds = sockets.map((s) => s.socketId);
    return this.ds.transaction(async (em) => {
      await em.query(
        `INSERT INTO user_sockets (socket_id, user_id, instance_id, seen_at)
         SELECT s.socket_id, s.user_id, $2, now() FROM unnest($1::text[], $3::uuid[]) AS s(socket_id, user_id)
         ON CONFLICT (socket_id) DO UPDATE SET seen_at = now()`,
        [socketIds, instanceId, sockets.map((s) => s.userId)],
      );
      await em.query('DELETE FROM user_sockets WHERE instance_id = $1 AND NOT (socket_id = ANY($2::text[]))', [
        instanceId,
        socketIds,
      ]);
      await em.query('DELETE FROM user_sockets WHERE seen_at < now() - make_interval(secs => $1)', [SOCKET_FORGET_SEC]);
      return returning<{ ticketId: string; userId: string }>(
        em,
        `DELETE FROM ticket_presence p
          WHERE NOT EXISTS (SELECT 1 FROM user_sockets s WHERE s.socket_id = p.socket_id AND ${LIVE_SOCKET})
         RETURNING p.ticket_id AS "ticketId", p.user_id AS "userId"`,
      );
    });
  }

  /**
   * Viewing a ticket (a repeat keeps the first `seen_at`: viewers are listed in arrival order). The socket row is
   * asserted too, in case this message beat the connect bookkeeping.
   */
  async view(socketId: string, ticketId: string, userId: string, instanceId: string): Promise<void> {
    await this.ds.transaction(async (em) => {
      await em.query(
        `INSERT INTO user_sockets (socket_id, user_id, instance_id, seen_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (socket_id) DO UPDATE SET seen_at = now()`,
        [socketId, userId, instanceId],
      );
      await em.query(
        `INSERT INTO ticket_presence (socket_id, ticket_id, user_id, seen_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (socket_id, ticket_id) DO NOTHING`,
        [socketId, ticketId, userId],
      );
    });
  }

  async unview(socketId: string, ticketId: string): Promise<void> {
    await this.ds.query('DELETE FROM ticket_presence WHERE socket_id = $1 AND ticket_id = $2', [socketId, ticketId]);
  }

  /**
   * Typing on a ticket this socket views: whether it was typing before (a repeat that changes nothing need not
   * be announced), or null when the socket does not view the ticket.
   */
  async typing(socketId: string, ticketId: string, typing: boolean): Promise<{ was: boolean } | null> {
    const rows = await returning<{ was: boolean }>(
      this.ds,
      `WITH old AS (
         SELECT socket_id, ticket_id, coalesce(typing_until > now(), false) AS was FROM ticket_presence
          WHERE socket_id = $1 AND ticket_id = $2 FOR UPDATE)
       UPDATE ticket_presence p
          SET typing_until = CASE WHEN $3 THEN now() + make_interval(secs => ${TYPING_SEC}) END
         FROM old WHERE p.socket_id = old.socket_id AND p.ticket_id = old.ticket_id
       RETURNING old.was`,
      [socketId, ticketId, typing],
    );
    return rows[0] ?? null;
  }

  /** Who is on the ticket now: distinct users with a live socket, typing when any of their sockets types. */
  viewers(ticketId: string): Promise<Viewer[]> {
    return this.ds.query<Viewer[]>(
      `SELECT p.user_id AS "userId", u.name, coalesce(bool_or(p.typing_until > now()), false) AS typing
         FROM ticket_presence p
         JOIN users u ON u.id = p.user_id
         JOIN user_sockets s ON s.socket_id = p.socket_id AND ${LIVE_SOCKET}
        WHERE p.ticket_id = $1
        GROUP BY p.user_id, u.name
        ORDER BY min(p.seen_at), p.user_id`,
      [ticketId],
    );
  }
}
