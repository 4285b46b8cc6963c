import { CSRF_COOKIE, CSRF_HEADER, ErrorResponseSchema, FieldIssueSchema, type FieldIssue } from '@dengar/contracts';
import { z } from 'zod';
import { env } from '../config/env';
import { readCookie } from './cookies';

/** An answer other than 2xx, or no answer at all (`status` 0), in the API's error shape (SPEC §9). */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
    readonly code?: string,
    readonly details?: unknown,
    /** Seconds from a 429's `Retry-After`. */
    readonly retryAfterSec?: number,
  ) {
    super(message);
  }

  /** Per-field problems of a 400 (`details.fields`), keyed by the field path. */
  get fieldErrors(): Record<string, string> {
    return fieldErrorsOf(this.details);
  }

  get hasFieldErrors(): boolean {
    return Object.keys(this.fieldErrors).length > 0;
  }
}

const DetailsWithFieldsSchema = z.object({ fields: z.array(FieldIssueSchema) });

export function fieldErrorsOf(details: unknown): Record<string, string> {
  const parsed = DetailsWithFieldsSchema.safeParse(details);
  if (!parsed.success) return {};
  const out: Record<string, string> = {};
  for (const issue of parsed.data.fields satisfies FieldIssue[]) {
    out[issue.path] ??= issue.message;
  }
  return out;
}

/** `Retry-After` as seconds: either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value == null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** Builds an ApiError from a status and whatever body came back (the error shape, other JSON, or nothing). */
export function parseApiError(status: number, body: unknown, retryAfter: string | null = null): ApiError {
  const retryAfterSec = parseRetryAfter(retryAfter);
  const parsed = ErrorResponseSchema.safeParse(body);
  if (parsed.success) {
    const { error, message, code, details } = parsed.data;
    return new ApiError(status, error, message, code, details, retryAfterSec);
  }
  const message = status >= 500 ? 'The server had a problem. Please try again.' : `Request failed (${status})`;
  return new ApiError(status, statusText(status), message, undefined, undefined, retryAfterSec);
}

function statusText(status: number): string {
  switch (status) {
    case 400:
      return 'Bad Request';
    case 401:
      return 'Unauthorized';
    case 403:
      return 'Forbidden';
    case 404:
      return 'Not Found';
    case 409:
      return 'Conflict';
    case 422:
      return 'Unprocessable Entity';
    case 429:
      return 'Too Many Requests';
    default:
      return status >= 500 ? 'Server Error' : 'Error';
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The CSRF header to send with a request: only unsafe methods echo the readable CSRF cookie. */
export function csrfHeaders(method: string, cookieString: string): Record<string, string> {
  if (!UNSAFE_METHODS.has(method.toUpperCase())) return {};
  const token = readCookie(cookieString, CSRF_COOKIE);
  return token == null ? {} : { [CSRF_HEADER]: token };
}

/** Paths whose 401 is an answer, not an expired session (a wrong password; "am I signed in?"). */
const AUTH_PROBE_PATHS = ['/auth/login', '/auth/me'];

export function isSessionExpiry(path: string, status: number): boolean {
  if (status !== 401) return false;
  const bare = path.split('?')[0] ?? path;
  return !AUTH_PROBE_PATHS.includes(bare);
}

export type QueryValue = string | number | boolean | null | undefined;

export function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value == null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export interface ApiClientHandlers {
  /** A request answered 401 because the session is gone. */
  onUnauthorized: () => void;
  /** An error the caller did not promise to show itself. */
  onError: (error: ApiError) => void;
}

let handlers: ApiClientHandlers = { onUnauthorized: () => undefined, onError: () => undefined };

/** The app wires navigation and toasts in here, so this file stays free of React. */
export function setApiClientHandlers(next: ApiClientHandlers): void {
  handlers = next;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /**
   * Whether the caller shows this error itself. By default reads (GET) are shown by the pane's error boundary
   * and writes as a toast; a form that shows field errors passes e.g. `(e) => e.hasFieldErrors`.
   */
  silent?: boolean | ((error: ApiError) => boolean);
}

function isSilent(options: RequestOptions, method: string, error: ApiError): boolean {
  const { silent } = options;
  if (typeof silent === 'function') return silent(error);
  if (typeof silent === 'boolean') return silent;
  return method === 'GET';
}

function currentCookies(): string {
  return typeof document === 'undefined' ? '' : document.cookie;
}

/**
 * The one way the app calls the API: same-origin cookies, CSRF echo on writes, the error shape parsed into
 * ApiError, a 401 sending the person to sign in, and the answer checked against its contract schema.
 */
export async function apiRequest<T>(path: string, schema: z.ZodType<T>, options?: RequestOptions): Promise<T>;
export async function apiRequest(path: string, schema: null, options?: RequestOptions): Promise<void>;
export async function apiRequest<T>(
  path: string,
  schema: z.ZodType<T> | null,
  options: RequestOptions = {},
): Promise<T | void> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...csrfHeaders(method, currentCookies()) };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(`${env.VITE_API_BASE_PATH}${path}${buildQuery(options.query)}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    const error = new ApiError(0, 'Network Error', 'Could not reach the server. Check your connection.', 'NETWORK');
    if (!isSilent(options, method, error)) handlers.onError(error);
    throw error;
  }

  if (!response.ok) {
    const error = parseApiError(response.status, await readJson(response), response.headers.get('Retry-After'));
    if (isSessionExpiry(path, response.status)) {
      handlers.onUnauthorized();
    } else if (!isSilent(options, method, error)) {
      handlers.onError(error);
    }
    throw error;
  }

  if (schema === null || response.status === 204) return undefined;
  const parsed = schema.safeParse(await readJson(response));
  if (!parsed.success) {
    console.error(`Unexpected answer from ${method} ${path}`, parsed.error.issues);
    const error = new ApiError(
      response.status,
      'Bad Response',
      'The server sent an answer this app does not understand.',
      'BAD_RESPONSE',
    );
    if (!isSilent(options, method, error)) handlers.onError(error);
    throw error;
  }
  return parsed.data;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
