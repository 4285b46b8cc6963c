import { describe, expect, it } from 'vitest';
import { bearerToken, readCookie } from './cookies.js';

describe('cookie and bearer parsing', () => {
  it('reads one cookie from a header', () => {
    expect(readCookie('a=1; dengar_session=abc%3D; b=2', 'dengar_session')).toBe('abc=');
    expect(readCookie('dengar_session_x=1', 'dengar_session')).toBeUndefined();
    expect(readCookie(undefined, 'x')).toBeUndefined();
  });
  it('reads a bearer token', () => {
    expect(bearerToken('Bearer dgr_abc')).toBe('dgr_abc');
    expect(bearerToken('bearer dgr_abc')).toBe('dgr_abc');
    expect(bearerToken('Basic xyz')).toBeUndefined();
  });
});
