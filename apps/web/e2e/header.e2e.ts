import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { apiAs, csrfToken, expectText, it, screenshot, signIn } from './support/browser';
import {
  deliverMentions,
  setWorkspaceBaseUrl,
  stampOf,
  Workspace,
  type TestUser,
  type WebhookSource,
} from './support/workspace';

/** The probe the app sends on first connect to learn where the event log stands (lib/missed-events.ts). */
const PROBE_SINCE = String(Number.MAX_SAFE_INTEGER);

/** Fails the test on any uncaught error in the page. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

const bell = (page: Page, unread: number) =>
  page.getByRole('button', { name: `Notifications, ${unread} unread`, exact: true });

/** Signs in and waits until the live connection is up and the app knows the event log's position. */
async function signInLive(page: Page, user: TestUser): Promise<void> {
  const probed = page.waitForResponse((response) => {
    const url = new URL(response.url());
    return url.pathname === '/api/events' && url.searchParams.get('since') === PROBE_SINCE;
  });
  await signIn(page, user.email, user.password);
  await page.getByRole('status', { name: 'Connected', exact: true }).waitFor();
  expect((await probed).status()).toBe(200);
}

describe('app header: availability, notifications, lost connection', () => {
  let ws: Workspace;
  let team: { id: string; name: string };
  let source: WebhookSource;
  let keyword: string;

  beforeAll(async () => {
    setWorkspaceBaseUrl(inject('baseUrl'));
    ws = await Workspace.asAdmin();
    team = await ws.createTeam(`Header ${stampOf()}`);
    source = await ws.createWebhookSource();
    keyword = `hdr${stampOf()}`;
    await ws.routeKeywordToTeam(keyword, team.id);
  });
  afterAll(async () => {
    await ws?.dispose();
  });

  /** A new customer ticket in our team (a mention with the keyword); returns its id and number. */
  async function newTicket(): Promise<{ id: string; number: number }> {
    const [externalId] = await deliverMentions(source, [{ text: `My ${keyword} order never arrived` }]);
    return ws.ticketOfMention(externalId!);
  }

  /** A manager's move: assign the ticket to the user (which notifies them). */
  async function assign(ticketId: string, userId: string): Promise<void> {
    const { version } = await ws.get<{ version: number }>(`/api/tickets/${ticketId}`);
    await ws.send('PATCH', `/api/tickets/${ticketId}`, { version, assigneeId: userId });
  }

  it('switches availability online → away; it persists, the API agrees, and changes elsewhere show live', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const agent = await ws.createUser('agent', [team.id]);
    await signInLive(page, agent);

    const availability = page.getByLabel('Availability', { exact: true });
    // Every new user starts offline (the system's value: shown, not choosable).
    expect(await availability.inputValue()).toBe('offline');

    const put = (value: string) =>
      page
        .waitForResponse(
          (r) => r.request().method() === 'PUT' && new URL(r.url()).pathname === '/api/users/me/availability',
        )
        .then(async (r) => {
          expect(r.status()).toBe(200);
          expect((await r.json()) as unknown).toMatchObject({ availability: value });
        });
    let saved = put('online');
    await availability.selectOption('online');
    await saved;
    saved = put('away');
    await availability.selectOption('away');
    await saved;

    await page.reload();
    await page.getByRole('status', { name: 'Connected', exact: true }).waitFor();
    expect(await page.getByLabel('Availability', { exact: true }).inputValue()).toBe('away');
    const api = await apiAs(agent.email, agent.password);
    try {
      const me = (await (await api.get('/api/auth/me')).json()) as { user: { availability: string } };
      expect(me.user.availability).toBe('away');

      // The same person goes online from another device: this page follows without a reload.
      const response = await api.put('/api/users/me/availability', {
        data: { availability: 'online' },
        headers: { 'X-CSRF-Token': await csrfToken(api) },
      });
      expect(response.status()).toBe(200);
      await expect
        .poll(() => page.getByLabel('Availability', { exact: true }).inputValue(), { timeout: 15_000 })
        .toBe('online');
    } finally {
      await api.dispose();
    }
    expect(errors).toEqual([]);
  });

  it('rings the bell live when a manager assigns a ticket; opening it goes to the ticket and reads it', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const agent = await ws.createUser('agent', [team.id]);
    await signInLive(page, agent);
    await bell(page, 0).waitFor();

    const ticket = await newTicket();
    await assign(ticket.id, agent.id);

    await bell(page, 1).waitFor();
    await expectText(page.locator('.notification-bell__count'), '1');
    await bell(page, 1).click();
    const panel = page.getByRole('dialog', { name: 'Notifications' });
    const item = panel.getByRole('link', { name: new RegExp(`Ticket #${ticket.number} was assigned to you`) });
    await item.waitFor();
    expect(await item.textContent()).toContain('Assigned to you');
    await screenshot(page, 'header-notifications');
    await item.click();

    await page.waitForURL((url) => url.pathname === `/inbox/mine/${ticket.id}`);
    await bell(page, 0).waitFor();
    expect(await panel.isVisible()).toBe(false);

    // A second one, cleared with "Mark all as read"; the server keeps it so.
    await assign((await newTicket()).id, agent.id);
    await bell(page, 1).click();
    await panel.getByRole('button', { name: 'Mark all as read', exact: true }).click();
    await bell(page, 0).waitFor();
    await page.reload();
    await bell(page, 0).waitFor();
    expect(errors).toEqual([]);
  });

  it('says when the connection is lost, and replays what was missed once it is back, without a reload', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const agent = await ws.createUser('agent', [team.id]);
    await signInLive(page, agent);
    await bell(page, 0).waitFor();
    let loads = 0;
    page.on('load', () => loads++);

    await page.context().setOffline(true);
    const lost = page.getByRole('status', { name: 'Connection lost. Reconnecting…', exact: true });
    await lost.waitFor();
    expect(await lost.isVisible()).toBe(true);
    await screenshot(page, 'header-connection-lost');

    // Meanwhile a customer writes and a manager hands the ticket to our agent.
    const ticket = await newTicket();
    await assign(ticket.id, agent.id);

    const replay = page.waitForResponse((response) => {
      const url = new URL(response.url());
      const since = url.searchParams.get('since');
      return url.pathname === '/api/events' && since !== null && since !== PROBE_SINCE;
    });
    await page.context().setOffline(false);
    await page.getByRole('status', { name: 'Connected', exact: true }).waitFor({ timeout: 30_000 });

    const missed = (await (await replay).json()) as { reload: boolean; events: { name: string; data: unknown }[] };
    expect(missed.reload).toBe(false);
    expect(missed.events.map((e) => e.name)).toEqual(
      expect.arrayContaining(['ticket.created', 'notification.created']),
    );

    await bell(page, 1).click();
    await page
      .getByRole('dialog', { name: 'Notifications' })
      .getByRole('link', { name: new RegExp(`Ticket #${ticket.number} was assigned to you`) })
      .waitFor();
    expect(loads).toBe(0);
    expect(errors).toEqual([]);
  });
});
