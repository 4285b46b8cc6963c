import {
  EVENT_NAMES,
  type ClientToServerEvents,
  type EventEnvelope,
  type EventName,
  type ServerToClientEvents,
} from '@dengar/contracts';
import { useSyncExternalStore } from 'react';
import { io, type Socket } from 'socket.io-client';
import { env } from '../config/env';
import { nextConnectionState, retryDelayMs, type ConnectionEvent, type ConnectionState } from './connection-state';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type SessionEndReason = Parameters<ServerToClientEvents['session.ended']>[0]['reason'];

export interface RealtimeCallbacks {
  /** Ready again after a drop: what is on screen may be stale (SPEC §7, STYLE rule 12). */
  onReconnected: () => void;
  /** The server ended the session (logout elsewhere, revocation, deactivation, expiry). */
  onSessionEnded: (reason: SessionEndReason) => void;
  /** The handshake was refused or the server cut us without saying why: the session may be gone. */
  onRejected: () => void;
}

type Handler<E extends EventName> = (envelope: EventEnvelope<E>) => void;
type AnyHandler = (envelope: EventEnvelope) => void;

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
      this.transition({ type: 'ready' });
      if (wasReady) this.callbacks?.onReconnected();
      for (const listener of this.readyListeners) listener();
    });
    socket.on('session.ended', ({ reason }) => {
      this.callbacks?.onSessionEnded(reason);
    });
    socket.on('disconnect', (reason) => {
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

  private dispatch(name: EventName, envelope: EventEnvelope): void {
    if (typeof envelope.seq === 'number' && (this.lastSeq == null || envelope.seq > this.lastSeq)) {
      this.lastSeq = envelope.seq;
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
