import type { Availability, Team } from '@dengar/contracts';
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { Client } from './client.js';
import { createUser, defaultTeam } from './factories.js';
import { startTestApp, type TestApp } from './test-app.js';
import { deliver, item, webhookSource } from './webhook.js';

/**
 * One customer mention through a webhook source, from a new author (so it threads alone): a new ticket, in the
 * default team unless a routing rule says otherwise. Returns the ticket's id.
 */
export async function deliverTicket(
  t: TestApp,
  src: { id: string; secret: string },
  text = 'Where is my order? It has not arrived',
): Promise<string> {
  const ext = `tk-${randomBytes(5).toString('hex')}`;
  const res = await deliver(t.client(), src.id, src.secret, { mentions: [item(ext, text, ext)] });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  expect(res.body.accepted).toBe(1);
  const [row] = await t.db.query<{ id: string }>('SELECT ticket_id AS id FROM mentions WHERE external_id = $1', [ext]);
  expect(row?.id, `no ticket for ${ext}`).toBeTruthy();
  return row!.id;
}

export async function setAvailability(c: Client, availability: Availability): Promise<void> {
  const res = await c.put('/api/users/me/availability', { availability });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** A new agent of this team (signed in), optionally already `online` or `away` (every new user starts offline). */
export async function teamAgent(
  admin: Client,
  teamId: string,
  opts: { name?: string; availability?: Availability } = {},
) {
  const a = await createUser(admin, 'agent', { teamIds: [teamId], name: opts.name });
  if (opts.availability) await setAvailability(a.client, opts.availability);
  return a;
}

export interface TicketApp {
  t: TestApp;
  /** Signed in as the first admin. */
  admin: Client;
  /** The default team, where unrouted tickets land. */
  general: Team;
  /** A webhook source for `deliverTicket`. */
  src: { id: string; secret: string };
}

/** The real app on a fresh database with what ticket specs start from: an admin, the default team, a source. */
export async function startTicketApp(): Promise<TicketApp> {
  const t = await startTestApp();
  const admin = await t.admin();
  return { t, admin, general: await defaultTeam(admin), src: await webhookSource(admin) };
}
