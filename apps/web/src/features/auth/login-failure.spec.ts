import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type MessageValues } from '../../i18n/dictionaries';
import { ApiError, parseApiError } from '../../lib/api-client';
import { loginFailureMessage } from './login-failure';

const en = (key: MessageKey, values?: MessageValues) => translate('en', key, values);
const id = (key: MessageKey, values?: MessageValues) => translate('id', key, values);

describe('loginFailureMessage', () => {
  it('says the credentials are wrong on 401, in the person’s language', () => {
    const error = parseApiError(401, { statusCode: 401, error: 'Unauthorized', message: 'Wrong email or password' });
    expect(loginFailureMessage(error, en)).toBe('Wrong email or password');
    expect(loginFailureMessage(error, id)).toBe('Email atau kata sandi salah');
  });

  it('asks to wait as long as Retry-After says on 429', () => {
    const error = parseApiError(429, { statusCode: 429, error: 'Too Many Requests', message: 'Slow down' }, '90');
    expect(loginFailureMessage(error, en)).toBe('Too many attempts. Please wait 90 seconds and try again.');
    expect(loginFailureMessage(parseApiError(429, undefined), en)).toBe(
      'Too many attempts. Please wait a moment and try again.',
    );
  });

  it('points at the fields on a 400 with field details, and explains network trouble', () => {
    const invalid = parseApiError(400, {
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid input',
      details: { fields: [{ path: 'email', message: 'Invalid email address' }] },
    });
    expect(loginFailureMessage(invalid, en)).toBe('Please check the highlighted fields.');
    expect(loginFailureMessage(new ApiError(0, 'Network Error', 'x', 'NETWORK'), en)).toBe(
      'Could not reach the server. Check your connection.',
    );
    expect(loginFailureMessage(parseApiError(503, undefined), en)).toBe('The server had a problem. Please try again.');
  });
});
