import {
  EVENT_NAMES,
  EventsPageSchema,
  type ClientToServerEvents,
  type EventEnvelope,
  type EventName,
  type ServerToClientEvents,
} from '@dengar/contracts';
import { useSyncExternalStore } from 'react';
import { io, type Socket } from 'socket.io-client';
import { env } from '../config/env';
import { apiRequest } from './api-client';
import { nextConnectionState, retryDelayMs, type ConnectionEvent, type ConnectionState } from './connection-state';
import { catchUp, LATEST_SEQ_PROBE, maxSeq, RecentSeqs, type FetchEventsPage, type MissedEvent } from './missed-events';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type SessionEndReason = Parameters<ServerToClientEvents['session.ended']>[0]['reason'];

export interface RealtimeCallbacks {
  /**
   * Ready again after a drop, and the missed events could not be replayed (the server's window passed, no seq
   * was known, or the replay failed): what is on screen may be stale, refetch it (SPEC §7, STYLE rule 12).
   */
  onStale: () => void;
  /**
   * Ready again after a drop, and every missed event went through the live handlers: refetch only what is on
   * screen, for data that no event describes (STYLE rule 12).
   */
  onCaughtUp: () => void;
  /** The server ended the session (logout elsewhere, revocation, deactivation, expiry). */
  onSessionEnded: (reason: SessionEndReason) => void;
  /** The handshake was refused or the server cut us without saying why: the session may be gone. */
  onRejected: () => void;
}

type Handler<E extends EventName> = (envelope: EventEnvelope<E>) => void;
type AnyHandler = (envelope: EventEnvelope) => void;

const fetchEventsPage: FetchEventsPage = (since, limit) =>
  apiRequest('/events', EventsPageSchema, { query: { since, limit }, silent: true });

/**
 * The one live connection. Sockets notify; react-query owns the data, so features subscribe with `on()` and
 * update or invalidate their cached queries.
 */
class RealtimeConnection {
  private socket: AppSocket | null = null;
  private state: ConnectionState = 'idle';
  private everReady = false;
  private retryAttempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private callbacks: RealtimeCallbacks | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly handlers = new Map<EventName, Set<AnyHandler>>();
  private readonly readyListeners = new Set<() => void>();
  /** Highest event `seq` seen, for asking what was missed after a drop. */
  lastSeq: number | null = null;
  /** Bumped on every ready and drop: a replay belongs to the connection it started on. */
  private generation = 0;
  private catchingUp = false;
  /** Highest seq that arrived live while a replay was running (`lastSeq` follows the replay meanwhile). */
  private liveSeqDuringCatchUp: number | null = null;
  private readonly recentSeqs = new RecentSeqs();

  connect(callbacks: RealtimeCallbacks): void {
    this.callbacks = callbacks;
    if (this.socket) return;
    const socket: AppSocket = io({
      path: env.VITE_SOCKET_PATH,
      withCredentials: true,
      transports: ['websocket', 'polling'],
      autoConnect: false,
    });
    this.socket = socket;
    this.everReady = false;
    this.retryAttempt = 0;

    socket.on('session.ready', () => {
      const wasReady = this.everReady;
      this.everReady = true;
      this.retryAttempt = 0;
      const generation = ++this.generation;
      this.transition({ type: 'ready' });
      void this.resume(generation, wasReady);
      for (const listener of this.readyListeners) listener();
    });
    socket.on('session.ended', ({ reason }) => {
      this.callbacks?.onSessionEnded(reason);
    });
    socket.on('disconnect', (reason) => {
      this.generation++;
      if (reason === 'io client disconnect') return;
      this.transition({ type: 'lost' });
      // The client reconnects by itself except when the server cut the socket on purpose.
      if (reason === 'io server disconnect') this.refused();
    });
    socket.on('connect_error', () => {
      this.transition({ type: 'lost' });
      // `active` false: a middleware refused the handshake, and socket.io will not retry on its own.
      if (!socket.active) this.refused();
    });
    socket.io.on('reconnect_attempt', () => this.transition({ type: 'start' }));

    for (const name of EVENT_NAMES) {
      (socket as unknown as Socket).on(name, (envelope: EventEnvelope) => this.dispatch(name, envelope));
    }

    this.transition({ type: 'start' });
    socket.connect();
  }

  disconnect(): void {
    this.clearRetry();
    this.callbacks = null;
    const socket = this.socket;
    this.socket = null;
    this.everReady = false;
    this.lastSeq = null;
    this.generation++;
    this.recentSeqs.clear();
    if (socket) {
      socket.removeAllListeners();
      socket.io.removeAllListeners();
      socket.disconnect();
    }
    this.transition({ type: 'stop' });
  }

  on<E extends EventName>(event: E, handler: Handler<E>): () => void {
    let set = this.handlers.get(event);
    if (!set) {
      set = new Set();
      this.handlers.set(event, set);
    }
    const anyHandler = handler as unknown as AnyHandler;
    set.add(anyHandler);
    return () => set.delete(anyHandler);
  }

  /**
   * Tells the server something (presence). Dropped while disconnected: presence is re-sent by the features
   * after a reconnect (`onReady`), it is not queued.
   */
  emit<E extends keyof ClientToServerEvents>(event: E, ...args: Parameters<ClientToServerEvents[E]>): boolean {
    const socket = this.socket;
    if (!socket?.connected) return false;
    socket.emit(event, ...args);
    return true;
  }

  /** Runs `listener` each time the socket is ready (first connect and every reconnect). */
  onReady(listener: () => void): () => void {
    this.readyListeners.add(listener);
    return () => this.readyListeners.delete(listener);
  }

  getState = (): ConnectionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * After a ready: on the first one, learn where the log stands (so a drop before any event can still be caught
   * up); after a drop, replay what was missed through the live handlers (SPEC §7), or say the screen is stale.
   */
  private async resume(generation: number, reconnected: boolean): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    const isCurrent = () => generation === this.generation && this.socket === socket && socket.connected;
    const since = this.lastSeq;
    if (since == null) {
      if (reconnected) this.callbacks?.onStale();
      try {
        const { latestSeq } = await fetchEventsPage(LATEST_SEQ_PROBE, 1);
        if (isCurrent()) this.lastSeq = maxSeq(this.lastSeq, latestSeq);
      } catch {
        // Unknown until the first event arrives; a drop before then refetches everything.
      }
      return;
    }
    if (!reconnected || this.catchingUp) return;
    this.catchingUp = true;
    this.liveSeqDuringCatchUp = null;
    try {
      const deliver = ({ name, envelope }: MissedEvent) => this.dispatch(name, envelope, true);
      const result = await catchUp(since, fetchEventsPage, deliver, { isCurrent });
      // Signed out meanwhile: nothing here belongs to the next session.
      if (this.socket !== socket) return;
      // Cut short, the replay has not delivered what lies between it and the live events: resume from it.
      this.lastSeq =
        result.kind === 'aborted' ? maxSeq(result.lastSeq) : maxSeq(result.lastSeq, this.liveSeqDuringCatchUp);
      if (result.kind === 'reload') this.callbacks?.onStale();
      else if (result.kind === 'replayed') this.callbacks?.onCaughtUp();
    } catch {
      // The replay failed (the server or the network went again): refetching is the safe answer.
      if (isCurrent()) this.callbacks?.onStale();
    } finally {
      this.catchingUp = false;
      this.liveSeqDuringCatchUp = null;
    }
    // Another drop and ready happened while this replay ran: catch up from where it got to.
    if (generation !== this.generation && this.socket === socket && socket.connected && this.everReady) {
      void this.resume(this.generation, true);
    }
  }

  private dispatch(name: EventName, envelope: EventEnvelope, replayed = false): void {
    // An event can arrive both live and in a replay (the socket is back while the replay pages): once is enough.
    if (!this.recentSeqs.add(envelope.seq)) return;
    if (!replayed && this.catchingUp) {
      // `lastSeq` must not pass events the replay has not delivered yet, or another drop would skip them.
      this.liveSeqDuringCatchUp = maxSeq(this.liveSeqDuringCatchUp, envelope.seq);
    } else {
      this.lastSeq = maxSeq(this.lastSeq, envelope.seq);
    }
    for (const handler of this.handlers.get(name) ?? []) {
      try {
        handler(envelope);
      } catch (error) {
        console.error(`Handler for ${name} failed`, error);
      }
    }
  }

  private refused(): void {
    this.callbacks?.onRejected();
    if (this.retryTimer) return;
    const delay = retryDelayMs(this.retryAttempt++);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.socket) return;
      this.transition({ type: 'start' });
      this.socket.connect();
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private transition(event: ConnectionEvent): void {
    const next = nextConnectionState(this.state, event, this.everReady);
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

export const realtime = new RealtimeConnection();

export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(realtime.subscribe, realtime.getState, realtime.getState);
}
