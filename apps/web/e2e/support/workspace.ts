import { createHmac, randomUUID } from 'node:crypto';
import type { APIRequestContext } from 'playwright-core';
import { admin, apiAs, csrfToken } from './browser';

/** Setting up a workspace through the API as an admin, for browser flows that start from a given state. */

export const stampOf = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export interface TestUser {
  id: string;
  email: string;
  password: string;
  name: string;
  role: 'admin' | 'manager' | 'agent' | 'marketing';
}

export interface WebhookSource {
  id: string;
  secret: string;
  url: string;
}

export interface MentionInput {
  externalId?: string;
  text: string;
  url?: string;
  postedAt?: string;
  language?: string;
  inReplyToExternalId?: string;
  threadExternalId?: string;
  replyWebhookUrl?: string;
  author?: { externalId?: string; handle?: string; displayName?: string; followers?: number; verified?: boolean };
}

async function expectStatus(response: { status(): number; text(): Promise<string> }, status: number, what: string) {
  if (response.status() !== status) throw new Error(`${what}: ${response.status()} ${await response.text()}`);
}

/** An admin's API session with helpers for the objects browser tests need. */
export class Workspace {
  private constructor(readonly api: APIRequestContext) {}

  static async asAdmin(): Promise<Workspace> {
    return new Workspace(await apiAs(admin().email, admin().password));
  }

  async dispose(): Promise<void> {
    await this.api.dispose();
  }

  async send(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, data?: unknown): Promise<unknown> {
    const response = await this.api.fetch(path, {
      method,
      data: data as Record<string, unknown> | undefined,
      headers: { 'X-CSRF-Token': await csrfToken(this.api) },
    });
    if (response.status() >= 300) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    return response.status() === 204 ? undefined : response.json();
  }

  async get<T = unknown>(path: string): Promise<T> {
    const response = await this.api.get(path);
    await expectStatus(response, 200, `GET ${path}`);
    return (await response.json()) as T;
  }

  async createTeam(name = `Team ${stampOf()}`, assignmentMode: 'manual' | 'round_robin' | 'balanced' = 'manual') {
    return (await this.send('POST', '/api/teams', { name, assignmentMode })) as { id: string; name: string };
  }

  async createUser(role: TestUser['role'], teamIds: string[] = [], name?: string): Promise<TestUser> {
    const stamp = stampOf();
    const body = {
      email: `${role}.${stamp}@example.com`,
      name: name ?? `${role} ${stamp}`,
      role,
      password: `pw-${stamp}-long-enough`,
    };
    const user = (await this.send('POST', '/api/users', body)) as { id: string };
    for (const teamId of teamIds) await this.send('POST', `/api/teams/${teamId}/members`, { userId: user.id });
    return { id: user.id, email: body.email, password: body.password, name: body.name, role };
  }

  /** A webhook source; `allowPrivateReplyUrls` lets replies go to a receiver on this machine (a fake platform). */
  async createWebhookSource(name = `Webhook ${stampOf()}`, allowPrivateReplyUrls = true): Promise<WebhookSource> {
    const created = (await this.send('POST', '/api/sources', {
      kind: 'webhook',
      name,
      config: { allowPrivateReplyUrls },
    })) as { id: string; webhookSecret?: string };
    if (!created.webhookSecret) throw new Error('a new webhook source came without its secret');
    const base = new URL(this.apiBaseUrl());
    return { id: created.id, secret: created.webhookSecret, url: `${base.origin}/api/sources/${created.id}/webhook` };
  }

  /** A routing rule sending mentions containing `keyword` to `teamId`, placed first. */
  async routeKeywordToTeam(keyword: string, teamId: string): Promise<void> {
    await this.send('POST', '/api/routing-rules', {
      name: `Route ${keyword}`,
      position: 0,
      conditions: { keywords: { any: [keyword] } },
      actions: { teamId },
    });
  }

  /** The ticket a delivered mention opened (or joined). */
  async ticketOfMention(externalId: string): Promise<{ id: string; number: number }> {
    const page = await this.get<{ items: { externalId: string; ticketId: string | null }[] }>(
      `/api/mentions?limit=100&spam=any`,
    );
    const mention = page.items.find((item) => item.externalId === externalId);
    if (!mention?.ticketId) throw new Error(`no ticket for mention ${externalId}`);
    const ticket = await this.get<{ id: string; number: number }>(`/api/tickets/${mention.ticketId}`);
    return { id: ticket.id, number: ticket.number };
  }

  private apiBaseUrl(): string {
    // APIRequestContext has no public getter for its base URL; vitest's inject gives the same value.
    return baseUrlOf();
  }
}

let baseUrl: string | null = null;
function baseUrlOf(): string {
  if (baseUrl) return baseUrl;
  throw new Error('call setWorkspaceBaseUrl(inject("baseUrl")) first');
}
export function setWorkspaceBaseUrl(url: string): void {
  baseUrl = url;
}

/** Signs and POSTs a delivery the way a Standard Webhooks sender does (SPEC §4); resolves after the 202. */
export async function deliverMentions(source: WebhookSource, mentions: MentionInput[]): Promise<string[]> {
  const items = mentions.map((mention) => {
    const stamp = stampOf();
    return {
      externalId: mention.externalId ?? `ext-${stamp}`,
      url: mention.url ?? `https://forum.example.com/posts/${stamp}`,
      text: mention.text,
      postedAt: mention.postedAt ?? new Date().toISOString(),
      ...(mention.language ? { language: mention.language } : {}),
      ...(mention.inReplyToExternalId ? { inReplyToExternalId: mention.inReplyToExternalId } : {}),
      ...(mention.threadExternalId ? { threadExternalId: mention.threadExternalId } : {}),
      ...(mention.replyWebhookUrl ? { replyWebhookUrl: mention.replyWebhookUrl } : {}),
      author: {
        externalId: mention.author?.externalId ?? `author-${stamp}`,
        handle: mention.author?.handle ?? `customer_${stamp}`,
        ...(mention.author?.displayName ? { displayName: mention.author.displayName } : {}),
        followers: mention.author?.followers ?? 120,
        verified: mention.author?.verified ?? false,
      },
    };
  });
  const raw = JSON.stringify({ mentions: items });
  const id = `msg_${randomUUID()}`;
  const timestamp = String(Math.floor(Date.now() / 1000));
  const key = Buffer.from(source.secret.replace(/^whsec_/, ''), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${raw}`).digest('base64');
  const response = await fetch(source.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': timestamp,
      'webhook-signature': `v1,${signature}`,
    },
    body: raw,
  });
  if (response.status !== 202) throw new Error(`webhook delivery: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { accepted: number; rejected: unknown[] };
  if (body.accepted !== items.length) throw new Error(`webhook delivery rejected items: ${JSON.stringify(body)}`);
  return items.map((item) => item.externalId);
}
