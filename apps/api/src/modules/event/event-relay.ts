import type { EventEnvelope, EventName } from '@dengar/contracts';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { DATABASE_URL } from '../../database/database.tokens.js';
import { RealtimeGateway } from '../../realtime/realtime.gateway.js';
import { EVENTS_CHANNEL } from './event-log.service.js';

interface Row {
  seq: string;
  name: string;
  rooms: string[];
  data: Record<string, unknown>;
  at: Date;
}

/** A seq missing from a read may belong to a transaction that has not committed yet; look again this long. */
const GAP_WAIT_MS = 10_000;
const FALLBACK_POLL_MS = 2_000;
const BATCH = 1000;

/**
 * Relays committed events from the log to this instance's sockets (SPEC §7). Every instance runs one:
 * a NOTIFY per committing transaction wakes it, it reads the new rows in one query and emits them to its
 * local sockets only — so nothing crosses instances twice and nothing is relayed before it commits. Seqs are
 * taken at insert and commit out of order, so a hole is re-checked for a while rather than skipped.
 */
@Injectable()
export class EventRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('EventRelay');
  private client: pg.Client | null = null;
  private pool: pg.Pool;
  private last = 0;
  private readonly gaps = new Map<number, number>();
  private timer?: NodeJS.Timeout;
  private draining: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    @Inject(DATABASE_URL) private readonly url: string,
    private readonly gateway: RealtimeGateway,
  ) {
    this.pool = new pg.Pool({ connectionString: url, max: 1, application_name: 'dengar-event-relay' });
    this.pool.on('error', (err) => this.logger.warn({ err }, 'event relay pool error'));
  }

  async onApplicationBootstrap() {
    const { rows } = await this.pool.query<{ max: string | null }>('SELECT max(seq)::text AS max FROM events');
    this.last = Number(rows[0]?.max ?? 0);
    await this.listen();
    this.timer = setInterval(() => this.wake(), FALLBACK_POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown() {
    this.stopped = true;
    clearInterval(this.timer);
    await this.draining?.catch(() => undefined);
    await this.client?.end().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }

  private async listen() {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.url, application_name: 'dengar-event-listen' });
    client.on('error', (err) => {
      this.logger.warn({ err }, 'event relay LISTEN connection lost; reconnecting');
      if (this.client === client) this.client = null;
      client.end().catch(() => undefined);
      setTimeout(() => void this.listen().catch(() => undefined), 1000).unref();
    });
    client.on('notification', () => this.wake());
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
      this.client = client;
      this.wake();
    } catch (err) {
      this.logger.warn({ err }, 'event relay could not LISTEN; retrying');
      await client.end().catch(() => undefined);
      setTimeout(() => void this.listen().catch(() => undefined), 1000).unref();
    }
  }

  /** Coalesces wake-ups: at most one drain runs, and one more follows if woken meanwhile. */
  wake() {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain()
      .catch((err: unknown) => this.logger.warn({ err }, 'event relay read failed'))
      .finally(() => {
        this.draining = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Waits until everything committed so far has been relayed (tests use it instead of sleeping). */
  async flush(): Promise<void> {
    this.wake();
    while (this.draining) await this.draining;
  }

  private async drain() {
    for (;;) {
      const { rows } = await this.pool.query<Row>(
        'SELECT seq::text, name, rooms, data, at FROM events WHERE seq > $1 ORDER BY seq LIMIT $2',
        [this.last, BATCH],
      );
      const late = await this.lateRows();
      for (const row of [...late, ...rows]) this.emit(row);
      if (!rows.length) return;
      let expected = this.last + 1;
      const now = Date.now();
      for (const row of rows) {
        const seq = Number(row.seq);
        for (; expected < seq; expected++) this.gaps.set(expected, now);
        expected = seq + 1;
      }
      this.last = Number(rows[rows.length - 1]!.seq);
      if (rows.length < BATCH) return;
    }
  }

  private async lateRows(): Promise<Row[]> {
    if (!this.gaps.size) return [];
    const now = Date.now();
    for (const [seq, since] of this.gaps) if (now - since > GAP_WAIT_MS) this.gaps.delete(seq);
    const seqs = [...this.gaps.keys()];
    if (!seqs.length) return [];
    const { rows } = await this.pool.query<Row>(
      'SELECT seq::text, name, rooms, data, at FROM events WHERE seq = ANY($1::bigint[]) ORDER BY seq',
      [seqs],
    );
    for (const r of rows) this.gaps.delete(Number(r.seq));
    return rows;
  }

  private emit(row: Row) {
    if (!row.rooms.length) return;
    const envelope: EventEnvelope = { seq: Number(row.seq), at: row.at.toISOString(), data: row.data as never };
    this.gateway.emitLocal(row.rooms, row.name as EventName, envelope);
  }
}
