import { ConnectorError } from './connector.js';

export const USER_AGENT = 'Dengar/0.1 (+https://github.com/dengar/dengar; shared social care inbox)';

/** Per request: a hanging platform must not hold a poll worker (a failing source never delays the others). */
export const REQUEST_TIMEOUT_MS = 20_000;

export interface HttpOptions {
  /** "Mastodon", "Bluesky"… used in messages an admin reads. */
  platform: string;
  /** Parses the platform's own rate-limit reset header(s) into a time; undefined when absent. */
  resetAt: (res: Response, now: Date) => Date | undefined;
  fetch: typeof fetch;
  now: () => Date;
  signal?: AbortSignal;
}

/** `Retry-After`: seconds or an HTTP date (RFC 9110). */
export function retryAfter(res: Response, now: Date): Date | undefined {
  const v = res.headers.get('retry-after');
  if (!v) return undefined;
  if (/^\d+$/.test(v.trim())) return new Date(now.getTime() + Number(v.trim()) * 1000);
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : new Date(t);
}

/** Short text of an error body for messages: JSON `error`/`message` when present, else the first 200 chars. */
export async function errorText(res: Response): Promise<string> {
  const body = await res.text().catch(() => '');
  try {
    const json = JSON.parse(body) as Record<string, unknown>;
    const msg = json.error_description ?? json.message ?? json.error ?? json.detail ?? json.title;
    if (typeof msg === 'string') return msg.slice(0, 200);
  } catch {
    /* not JSON */
  }
  return body.replace(/\s+/g, ' ').trim().slice(0, 200);
}

/**
 * Does one HTTP call and turns the failure modes every platform shares into ConnectorErrors:
 * network/timeout and 5xx → `unavailable`, 429 → `rate_limited` with the platform's reset, 401/403 → `auth`,
 * other 4xx → `rejected`. Returns the response for 2xx and 304.
 */
export async function request(url: string | URL, init: RequestInit, opts: HttpOptions): Promise<Response> {
  const signals = [AbortSignal.timeout(REQUEST_TIMEOUT_MS)];
  if (opts.signal) signals.push(opts.signal);
  let res: Response;
  try {
    res = await opts.fetch(url, {
      ...init,
      headers: { 'user-agent': USER_AGENT, accept: 'application/json', ...(init.headers as Record<string, string>) },
      signal: AbortSignal.any(signals),
      redirect: 'follow',
    });
  } catch (err) {
    const reason =
      err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')
        ? `did not answer within ${REQUEST_TIMEOUT_MS / 1000} s`
        : `could not be reached (${causeText(err)})`;
    throw new ConnectorError('unavailable', `${opts.platform} ${reason}`, { cause: err });
  }
  if (res.ok || res.status === 304) return res;
  const now = opts.now();
  const text = await errorText(res);
  const suffix = text ? `: ${text}` : '';
  if (res.status === 429) {
    const at = opts.resetAt(res, now) ?? retryAfter(res, now);
    throw new ConnectorError('rate_limited', `${opts.platform} rate limit reached (429)${suffix}`, {
      status: 429,
      ...(at ? { retryAt: at } : {}),
    });
  }
  if (res.status >= 500) {
    const at = retryAfter(res, now);
    throw new ConnectorError('unavailable', `${opts.platform} answered ${res.status}${suffix}`, {
      status: res.status,
      ...(at ? { retryAt: at } : {}),
    });
  }
  if (res.status === 401 || res.status === 403) {
    throw new ConnectorError(
      'auth',
      `${opts.platform} refused the credentials (${res.status})${suffix}. Check the source's credentials in Settings → Sources.`,
      { status: res.status },
    );
  }
  throw new ConnectorError('rejected', `${opts.platform} refused the request (${res.status})${suffix}`, {
    status: res.status,
  });
}

function causeText(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as Error & { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? err.message;
  }
  return String(err);
}

/** Reads a JSON body; a body that is not JSON is the platform misbehaving (transient). */
export async function json<T>(res: Response, platform: string): Promise<T> {
  const text = await res.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ConnectorError('unavailable', `${platform} sent a response that is not JSON`, { status: res.status });
  }
}

/** Config value helpers: connectors validate their own config and fail with `config` errors an admin can act on. */
export function str(config: Record<string, unknown>, key: string, platform: string): string {
  const v = config[key];
  if (typeof v !== 'string' || v.trim() === '') {
    throw new ConnectorError('config', `${platform} source is missing "${key}" in its configuration`);
  }
  return v.trim();
}

export function optStr(config: Record<string, unknown>, key: string): string | undefined {
  const v = config[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** Joins a base URL (with or without a path or trailing slash) and an API path. */
export function endpoint(baseUrl: string, path: string): URL {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return new URL(path.replace(/^\//, ''), base);
}
