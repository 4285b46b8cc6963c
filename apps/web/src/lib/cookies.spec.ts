import { describe, expect, it } from 'vitest';
import { readCookie } from './cookies';

describe('readCookie', () => {
  it('finds a cookie among others', () => {
    expect(readCookie('a=1; dengar_csrf=tok123; b=2', 'dengar_csrf')).toBe('tok123');
  });

  it('does not match a cookie whose name merely ends with the name', () => {
    expect(readCookie('x_dengar_csrf=evil; dengar_csrf=good', 'dengar_csrf')).toBe('good');
    expect(readCookie('x_dengar_csrf=evil', 'dengar_csrf')).toBeNull();
  });

  it('decodes percent-encoding and keeps "=" inside values', () => {
    expect(readCookie('dengar_csrf=a%2Bb%3D%3D', 'dengar_csrf')).toBe('a+b==');
    expect(readCookie('dengar_csrf=abc==', 'dengar_csrf')).toBe('abc==');
  });

  it('returns the raw value when it is not valid percent-encoding', () => {
    expect(readCookie('dengar_csrf=100%', 'dengar_csrf')).toBe('100%');
  });

  it('answers null when absent or empty input', () => {
    expect(readCookie('', 'dengar_csrf')).toBeNull();
    expect(readCookie('other=1', 'dengar_csrf')).toBeNull();
  });
});
