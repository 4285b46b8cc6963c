import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, type User } from '@dengar/contracts';
import { io, type Socket } from 'socket.io-client';

export interface TestResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
  setCookies: string[];
}

/** A cookie-keeping HTTP client that behaves like the web app (CSRF header on unsafe requests). */
export class Client {
  readonly cookies = new Map<string, string>();
  bearer?: string;
  /** Set false to leave the CSRF header off (to test the refusal). */
  sendCsrf = true;
  user?: User;

  constructor(readonly baseUrl: string) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse<T>> {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined && typeof body !== 'string') h['content-type'] = 'application/json';
    if (typeof body === 'string') h['content-type'] ??= 'application/json';
    if (this.cookies.size) h.cookie = this.cookieHeader;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    const csrf = this.cookies.get(CSRF_COOKIE);
    if (this.sendCsrf && csrf && !['GET', 'HEAD'].includes(method) && !(CSRF_HEADER in h)) h[CSRF_HEADER] = csrf;
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: h,
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      redirect: 'manual',
    });
    const setCookies = res.headers.getSetCookie();
    for (const c of setCookies) {
      const [pair, ...attrs] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = decodeURIComponent(pair!.slice(eq + 1).trim());
      const expired = attrs.some((a) => /expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed as T, headers: res.headers, setCookies };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body ?? {}, headers);
  }
  patch<T = any>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  put<T = any>(path: string, body: unknown) {
    return this.request<T>('PUT', path, body);
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }

  async login(email: string, password: string): Promise<TestResponse<{ user: User }>> {
    const res = await this.post<{ user: User }>('/api/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.user = res.body.user;
    return res;
  }

  get hasSession(): boolean {
    return this.cookies.has(SESSION_COOKIE);
  }

  /** A socket.io client authenticated like this HTTP client (cookie, or `auth.token` for a bearer). */
  socket(opts: { token?: string } = {}): Socket {
    return io(this.baseUrl, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      ...(opts.token ? { auth: { token: opts.token } } : {}),
      ...(this.cookies.size && !opts.token ? { extraHeaders: { cookie: this.cookieHeader } } : {}),
    });
  }
}
