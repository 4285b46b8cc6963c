import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CredentialCipher } from './credential-cipher.js';

describe('CredentialCipher', () => {
  const cipher = new CredentialCipher(randomBytes(32));

  it('round-trips and never stores the plain value', () => {
    const sealed = cipher.seal({ accessToken: 'super-secret-token' });
    expect(sealed).not.toContain('super-secret-token');
    expect(Buffer.from(sealed.split('.')[3]!, 'base64url').toString()).not.toContain('super-secret');
    expect(cipher.open(sealed)).toEqual({ accessToken: 'super-secret-token' });
  });

  it('uses a fresh IV each time', () => {
    expect(cipher.seal({ a: 1 })).not.toBe(cipher.seal({ a: 1 }));
  });

  it('refuses a tampered value or another secret', () => {
    const sealed = cipher.seal({ accessToken: 'x' });
    const parts = sealed.split('.');
    const data = Buffer.from(parts[3]!, 'base64url');
    data[0] = data[0]! ^ 1;
    parts[3] = data.toString('base64url');
    expect(() => cipher.open(parts.join('.'))).toThrow();
    expect(() => new CredentialCipher(randomBytes(32)).open(sealed)).toThrow();
  });

  it('opens null as empty', () => {
    expect(cipher.open(null)).toEqual({});
  });
});
