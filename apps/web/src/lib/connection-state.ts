/** What the connection indicator shows; pure so it can be tested without a socket. */
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting';

export type ConnectionEvent = { type: 'start' } | { type: 'ready' } | { type: 'lost' } | { type: 'stop' };

/**
 * `connected` only once the server said `session.ready` (rooms joined), so "Connected" means live events will
 * arrive. A drop after that is `reconnecting`; failing before the first ready stays `connecting`.
 */
export function nextConnectionState(
  state: ConnectionState,
  event: ConnectionEvent,
  everReady: boolean,
): ConnectionState {
  switch (event.type) {
    case 'start':
      return everReady ? 'reconnecting' : 'connecting';
    case 'ready':
      return 'connected';
    case 'lost':
      if (state === 'idle') return 'idle';
      return everReady ? 'reconnecting' : 'connecting';
    case 'stop':
      return 'idle';
  }
}

/** Delay before the n-th (0-based) manual retry after the server refused or cut the socket. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1_000 * 2 ** attempt);
  return Math.round(base / 2 + (random() * base) / 2);
}
