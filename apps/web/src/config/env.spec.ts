import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('parseEnv', () => {
  it('fills defaults', () => {
    expect(parseEnv({ MODE: 'production', DEV: false })).toEqual({
      MODE: 'production',
      DEV: false,
      VITE_API_BASE_PATH: '/api',
      VITE_SOCKET_PATH: '/socket.io',
    });
  });

  it('names each bad value', () => {
    expect(() => parseEnv({ MODE: 'production', DEV: false, VITE_API_BASE_PATH: 'http://x/api/' })).toThrow(
      /VITE_API_BASE_PATH: must start with "\/" and not end with "\/"/,
    );
  });
});
