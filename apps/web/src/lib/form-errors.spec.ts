import { CreateUserRequestSchema, LoginRequestSchema } from '@dengar/contracts';
import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type MessageValues } from '../i18n/dictionaries';
import { zodFieldErrors } from './form-errors';

const t = (key: MessageKey, values?: MessageValues) => translate('en', key, values);
const tId = (key: MessageKey, values?: MessageValues) => translate('id', key, values);

describe('zodFieldErrors', () => {
  it('names each bad field once, in the person’s language', () => {
    const result = LoginRequestSchema.safeParse({ email: 'not-an-email', password: '' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(zodFieldErrors(result.error, t)).toEqual({ email: 'Enter a valid email address', password: 'Required' });
    expect(zodFieldErrors(result.error, tId)).toEqual({
      email: 'Masukkan alamat email yang valid',
      password: 'Wajib diisi',
    });
  });

  it('explains length and number limits', () => {
    const result = CreateUserRequestSchema.safeParse({
      email: 'a@example.com',
      name: 'Ayu',
      role: 'agent',
      password: 'short',
      capacity: 5000,
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(zodFieldErrors(result.error, t)).toEqual({
      password: 'Must be at least 10 characters',
      capacity: 'Must be at most 1000',
    });
  });

  it('asks for a whole number when capacity is not one', () => {
    const result = CreateUserRequestSchema.safeParse({
      email: 'a@example.com',
      name: 'Ayu',
      role: 'agent',
      password: 'long enough pass',
      capacity: Number.NaN,
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(zodFieldErrors(result.error, t)).toEqual({ capacity: 'Enter a whole number' });
  });
});
