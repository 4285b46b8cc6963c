import { UserSchema } from '@dengar/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  apiRequest,
  buildQuery,
  csrfHeaders,
  isSessionExpiry,
  parseApiError,
  parseRetryAfter,
  setApiClientHandlers,
} from './api-client';

describe('parseApiError', () => {
  it('reads the API error shape with field details', () => {
    const error = parseApiError(400, {
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid input',
      code: 'VALIDATION',
      details: {
        fields: [
          { path: 'email', message: 'Invalid email address' },
          { path: 'email', message: 'second problem' },
          { path: 'password', message: 'must be at least 10 characters' },
        ],
      },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.message).toBe('Invalid input');
    expect(error.code).toBe('VALIDATION');
    expect(error.fieldErrors).toEqual({ email: 'Invalid email address', password: 'must be at least 10 characters' });
    expect(error.hasFieldErrors).toBe(true);
  });

  it('keeps the 401 message and has no field errors', () => {
    const error = parseApiError(401, { statusCode: 401, error: 'Unauthorized', message: 'Wrong email or password' });
    expect(error.message).toBe('Wrong email or password');
    expect(error.fieldErrors).toEqual({});
    expect(error.hasFieldErrors).toBe(false);
  });

  it('reads Retry-After on a 429', () => {
    const error = parseApiError(429, { statusCode: 429, error: 'Too Many Requests', message: 'Slow down' }, '42');
    expect(error.retryAfterSec).toBe(42);
  });

  it('copes with a body that is not the error shape', () => {
    const error = parseApiError(502, '<html>Bad gateway</html>');
    expect(error.status).toBe(502);
    expect(error.error).toBe('Server Error');
    expect(error.code).toBeUndefined();
    expect(parseApiError(404, undefined).error).toBe('Not Found');
  });

  it('ignores details that are not a field list', () => {
    expect(
      parseApiError(409, { statusCode: 409, error: 'Conflict', message: 'x', details: { current: {} } }).fieldErrors,
    ).toEqual({});
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120')).toBe(120);
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(parseRetryAfter('Tue, 01 Jan 2030 00:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Tue, 01 Jan 2030 00:00:00 GMT', now + 5000)).toBe(0);
  });

  it('answers undefined for nothing or garbage', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('')).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('csrfHeaders', () => {
  const cookies = 'theme=dark; dengar_csrf=tok%2F1';

  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'patch'])('echoes the CSRF cookie on %s', (method) => {
    expect(csrfHeaders(method, cookies)).toEqual({ 'x-csrf-token': 'tok/1' });
  });

  it.each(['GET', 'HEAD', 'OPTIONS'])('sends nothing on %s', (method) => {
    expect(csrfHeaders(method, cookies)).toEqual({});
  });

  it('sends nothing when there is no CSRF cookie', () => {
    expect(csrfHeaders('POST', 'theme=dark')).toEqual({});
  });
});

describe('isSessionExpiry', () => {
  it('treats a 401 on ordinary endpoints as an ended session', () => {
    expect(isSessionExpiry('/users', 401)).toBe(true);
    expect(isSessionExpiry('/teams/1/members?limit=5', 401)).toBe(true);
    expect(isSessionExpiry('/auth/logout', 401)).toBe(true);
  });

  it('does not for login and me, nor for other statuses', () => {
    expect(isSessionExpiry('/auth/login', 401)).toBe(false);
    expect(isSessionExpiry('/auth/me', 401)).toBe(false);
    expect(isSessionExpiry('/users', 403)).toBe(false);
  });
});

describe('buildQuery', () => {
  it('skips empty values and encodes the rest', () => {
    expect(buildQuery({ limit: 50, cursor: null, q: '', role: undefined, active: true, name: 'a b&c' })).toBe(
      '?limit=50&active=true&name=a+b%26c',
    );
    expect(buildQuery({})).toBe('');
    expect(buildQuery(undefined)).toBe('');
  });
});

describe('apiRequest', () => {
  const onUnauthorized = vi.fn();
  const onError = vi.fn();
  const fetchMock = vi.fn<typeof fetch>();
  const user = {
    id: '5a0e8a44-5f0b-4a8c-9d4c-2f0f5f3c1e11',
    email: 'ayu@example.com',
    name: 'Ayu',
    role: 'agent',
    locale: 'id',
    capacity: 20,
    availability: 'offline',
    active: true,
    teamIds: [],
    createdAt: '2025-01-01T00:00:00.000Z',
  };

  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

  beforeEach(() => {
    setApiClientHandlers({ onUnauthorized, onError });
    vi.stubGlobal('fetch', fetchMock);
    vi.stubGlobal('document', { cookie: 'dengar_csrf=abc' });
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetAllMocks();
  });

  it('sends same-origin cookies, JSON and the CSRF header on a write, and parses the answer', async () => {
    fetchMock.mockResolvedValueOnce(json(201, user));
    const created = await apiRequest('/users', UserSchema, { method: 'POST', body: { name: 'Ayu' } });
    expect(created.email).toBe('ayu@example.com');
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/users');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"name":"Ayu"}');
    expect(init?.headers).toMatchObject({ 'x-csrf-token': 'abc', 'Content-Type': 'application/json' });
  });

  it('does not send the CSRF header on a read', async () => {
    fetchMock.mockResolvedValueOnce(json(200, user));
    await apiRequest('/users/1', UserSchema, { query: { expand: 'teams' } });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/users/1?expand=teams');
    expect(init?.headers).not.toHaveProperty('x-csrf-token');
  });

  it('answers undefined for 204', async () => {
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await expect(apiRequest('/teams/1', null, { method: 'DELETE' })).resolves.toBeUndefined();
  });

  it('sends the person to sign in on a 401 from an ordinary endpoint', async () => {
    fetchMock.mockResolvedValueOnce(json(401, { statusCode: 401, error: 'Unauthorized', message: 'Sign in first' }));
    await expect(apiRequest('/users', UserSchema)).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(onError).not.toHaveBeenCalled();
  });

  it('leaves a 401 from login to the form', async () => {
    fetchMock.mockResolvedValueOnce(
      json(401, { statusCode: 401, error: 'Unauthorized', message: 'Wrong email or password' }),
    );
    await expect(
      apiRequest('/auth/login', UserSchema, { method: 'POST', body: {}, silent: true }),
    ).rejects.toMatchObject({ message: 'Wrong email or password' });
    expect(onUnauthorized).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
  });

  it('toasts a failed write but not a failed read (the pane shows that)', async () => {
    const forbidden = { statusCode: 403, error: 'Forbidden', message: 'Only admins may do that' };
    fetchMock.mockResolvedValueOnce(json(403, forbidden));
    await expect(apiRequest('/users/1', UserSchema, { method: 'PATCH', body: {} })).rejects.toBeInstanceOf(ApiError);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toMatchObject({ status: 403, message: 'Only admins may do that' });

    fetchMock.mockResolvedValueOnce(json(403, forbidden));
    await expect(apiRequest('/users', UserSchema)).rejects.toBeInstanceOf(ApiError);
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('lets a form keep field errors to itself', async () => {
    const body = {
      statusCode: 400,
      error: 'Bad Request',
      message: 'Invalid input',
      details: { fields: [{ path: 'email', message: 'taken' }] },
    };
    fetchMock.mockResolvedValueOnce(json(400, body));
    const error = await apiRequest('/users', UserSchema, {
      method: 'POST',
      body: {},
      silent: (e) => e.hasFieldErrors,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fieldErrors).toEqual({ email: 'taken' });
    expect(onError).not.toHaveBeenCalled();
  });

  it('turns a network failure into an ApiError with status 0', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('fetch failed'));
    await expect(apiRequest('/teams', null, { method: 'POST' })).rejects.toMatchObject({ status: 0, code: 'NETWORK' });
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('refuses an answer that does not match the contract', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    fetchMock.mockResolvedValueOnce(json(200, { id: 'not-a-user' }));
    await expect(apiRequest('/users/1', UserSchema)).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });
});
