import type { EventName, EventPayload, EventsPage, LoggedEvent } from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export const EVENTS_CHANNEL = 'dengar_events';
/** Events older than this are pruned; a client further behind is told to reload (SPEC §7 "bounded window"). */
export const EVENT_RETENTION_HOURS = 24;

export interface PendingEvent<E extends EventName = EventName> {
  name: E;
  rooms: string[];
  data: EventPayload<E>;
}

export const event = <E extends EventName>(name: E, rooms: string[], data: EventPayload<E>): PendingEvent<E> => ({
  name,
  rooms,
  data,
});

/**
 * Writes live events into the event log inside the caller's transaction (one multi-row INSERT and one NOTIFY
 * per transaction, never per row): they become visible — to the relay and to `GET /api/events` — exactly
 * when the change they describe commits, and vanish with it on rollback.
 */
@Injectable()
export class EventLog {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async record(em: EntityManager, events: PendingEvent[]): Promise<void> {
    if (!events.length) return;
    await em.query(
      `INSERT INTO events (name, rooms, data)
       SELECT e.name, ARRAY(SELECT jsonb_array_elements_text(e.rooms)), e.data
       FROM jsonb_to_recordset($1::jsonb) AS e(name text, rooms jsonb, data jsonb)`,
      [JSON.stringify(events)],
    );
    await em.query(`SELECT pg_notify($1, '')`, [EVENTS_CHANNEL]);
  }

  async since(rooms: string[], since: number, limit: number): Promise<EventsPage> {
    const [bounds] = await this.ds.query<{ min: string | null; max: string | null }[]>(
      'SELECT min(seq)::text AS min, max(seq)::text AS max FROM events',
    );
    const latestSeq = Number(bounds?.max ?? 0);
    const oldest = Number(bounds?.min ?? latestSeq + 1);
    // Rows before `oldest` were pruned: a client that has not seen them cannot be caught up event by event.
    if (since < oldest - 1 && since < latestSeq) return { events: [], latestSeq, reload: true, more: false };
    const rows = await this.ds.query<{ seq: string; name: string; at: Date; data: Record<string, unknown> }[]>(
      `SELECT seq::text, name, at, data FROM events WHERE seq > $1 AND rooms && $2::text[] ORDER BY seq LIMIT $3`,
      [since, rooms, limit + 1],
    );
    const more = rows.length > limit;
    const events = rows.slice(0, limit).map((r): LoggedEvent => ({
      seq: Number(r.seq),
      name: r.name as EventName,
      at: r.at.toISOString(),
      data: r.data,
    }));
    return { events, latestSeq, reload: false, more };
  }

  async prune(): Promise<void> {
    await this.ds.query(`DELETE FROM events WHERE at < now() - make_interval(hours => $1)`, [EVENT_RETENTION_HOURS]);
  }
}
