import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { shouldRetry } from './query-client';

const error = (status: number) => new ApiError(status, 'x', 'x');

describe('shouldRetry', () => {
  it('retries what may pass next time, a limited number of times', () => {
    expect(shouldRetry(0, error(0))).toBe(true);
    expect(shouldRetry(0, error(503))).toBe(true);
    expect(shouldRetry(1, error(429))).toBe(true);
    expect(shouldRetry(2, error(503))).toBe(false);
  });

  it('does not retry answers that will not change', () => {
    expect(shouldRetry(0, error(400))).toBe(false);
    expect(shouldRetry(0, error(403))).toBe(false);
    expect(shouldRetry(0, error(404))).toBe(false);
    expect(shouldRetry(0, new Error('render bug'))).toBe(false);
  });
});
