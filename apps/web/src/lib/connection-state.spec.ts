import { describe, expect, it } from 'vitest';
import { nextConnectionState, retryDelayMs } from './connection-state';

describe('nextConnectionState', () => {
  it('is connecting until the server says the session is ready', () => {
    expect(nextConnectionState('idle', { type: 'start' }, false)).toBe('connecting');
    expect(nextConnectionState('connecting', { type: 'lost' }, false)).toBe('connecting');
    expect(nextConnectionState('connecting', { type: 'ready' }, false)).toBe('connected');
  });

  it('is reconnecting after a drop once it had been ready', () => {
    expect(nextConnectionState('connected', { type: 'lost' }, true)).toBe('reconnecting');
    expect(nextConnectionState('reconnecting', { type: 'start' }, true)).toBe('reconnecting');
    expect(nextConnectionState('reconnecting', { type: 'ready' }, true)).toBe('connected');
  });

  it('stays idle once stopped', () => {
    expect(nextConnectionState('connected', { type: 'stop' }, true)).toBe('idle');
    expect(nextConnectionState('idle', { type: 'lost' }, true)).toBe('idle');
  });
});

describe('retryDelayMs', () => {
  it('backs off exponentially with jitter and a ceiling', () => {
    expect(retryDelayMs(0, () => 0)).toBe(500);
    expect(retryDelayMs(0, () => 1)).toBe(1000);
    expect(retryDelayMs(3, () => 1)).toBe(8000);
    expect(retryDelayMs(20, () => 1)).toBe(30_000);
    expect(retryDelayMs(20, () => 0)).toBe(15_000);
  });
});
