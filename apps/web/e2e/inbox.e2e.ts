import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { admin, apiAs, csrfToken, expectText, it, newPage, screenshot, signIn } from './support/browser';
import { deliverMentions, setWorkspaceBaseUrl, stampOf, Workspace, type WebhookSource } from './support/workspace';

/** Fails the test on any uncaught error in the page. */
function failOnPageErrors(page: Page): Error[] {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  return errors;
}

const ticketList = (page: Page) => page.getByRole('list', { name: 'Tickets', exact: true });
const rowLink = (page: Page, text: string) => ticketList(page).getByRole('link').filter({ hasText: text });
const viewCount = (page: Page, view: string) => page.locator(`#view-count-${view} .visually-hidden`);

describe('inbox: the live queue', () => {
  let ws: Workspace;
  let source: WebhookSource;

  beforeAll(async () => {
    setWorkspaceBaseUrl(inject('baseUrl'));
    ws = await Workspace.asAdmin();
    source = await ws.createWebhookSource();
  });
  afterAll(async () => {
    await ws.dispose();
  });

  it('a mention routed to my team appears in Unassigned without a reload, counted live', async ({ page }) => {
    const errors = failOnPageErrors(page);
    const stamp = stampOf();
    const keyword = `parcel${stamp}`;
    const team = await ws.createTeam();
    await ws.routeKeywordToTeam(keyword, team.id);
    const agent = await ws.createUser('agent', [team.id]);

    await signIn(page, agent.email, agent.password);
    await page.getByText('No unassigned tickets.', { exact: false }).waitFor();
    await expectText(viewCount(page, 'unassigned'), '0 active tickets');

    const [externalId] = await deliverMentions(source, [
      { text: `Where is my ${keyword}? It was due yesterday`, author: { handle: `cust_${stamp}`, followers: 5000 } },
    ]);
    const row = rowLink(page, keyword);
    await row.waitFor();
    const ticket = await ws.ticketOfMention(externalId!);
    expect(await row.textContent()).toContain(`#${ticket.number}`);
    expect(await row.textContent()).toContain('Unassigned');
    await ticketList(page).getByRole('img', { name: 'Webhook', exact: true }).first().waitFor();
    await expectText(viewCount(page, 'unassigned'), '1 active tickets');
    await page.getByRole('checkbox', { name: `Select ticket #${ticket.number}`, exact: true }).waitFor();

    // Opening it changes the address and shows the ticket pane.
    await row.click();
    await page.waitForURL(`**/inbox/unassigned/${ticket.id}`);
    expect(await row.getAttribute('aria-current')).toBe('page');
    expect(errors).toEqual([]);
  });

  it('a manager’s reassignment reaches the agent’s Mine live; an agent of another team never sees the ticket', async ({
    page,
    browser,
  }) => {
    const errors = failOnPageErrors(page);
    const stamp = stampOf();
    const keyword = `refund${stamp}`;
    const teamA = await ws.createTeam();
    const teamB = await ws.createTeam();
    await ws.routeKeywordToTeam(keyword, teamA.id);
    const agentA = await ws.createUser('agent', [teamA.id]);
    const agentB = await ws.createUser('agent', [teamB.id]);
    const manager = await ws.createUser('manager');

    const [externalId] = await deliverMentions(source, [{ text: `I want a ${keyword} for order 77` }]);
    const ticket = await ws.ticketOfMention(externalId!);

    await signIn(page, agentA.email, agentA.password);
    await rowLink(page, keyword).waitFor();
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Mine', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine', exact: true }).waitFor();
    await page.getByText('No tickets are assigned to you right now.').waitFor();
    await expectText(viewCount(page, 'mine'), '0 active tickets');

    const other = await newPage(browser);
    const otherErrors = failOnPageErrors(other);
    try {
      await signIn(other, agentB.email, agentB.password);

      const api = await apiAs(manager.email, manager.password);
      try {
        const current = (await (await api.get(`/api/tickets/${ticket.id}`)).json()) as { version: number };
        const patched = await api.patch(`/api/tickets/${ticket.id}`, {
          data: { version: current.version, assigneeId: agentA.id },
          headers: { 'X-CSRF-Token': await csrfToken(api) },
        });
        expect(patched.status()).toBe(200);
      } finally {
        await api.dispose();
      }

      const row = rowLink(page, keyword);
      await row.waitFor();
      expect(await row.textContent()).toContain(agentA.name);
      await expectText(viewCount(page, 'mine'), '1 active tickets');
      await expectText(viewCount(page, 'unassigned'), '0 active tickets');

      // Team B's agent: not in any of their lists, and the address of the ticket shows nothing of it.
      for (const view of ['Unassigned', 'Mine', 'My teams']) {
        await other.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: view, exact: true }).click();
        await other.getByRole('heading', { level: 1, name: view, exact: true }).waitFor();
        await other.getByText(/All caught up/).waitFor();
        expect(await other.getByText(keyword).count()).toBe(0);
      }
      await other.goto(`/inbox/unassigned/${ticket.id}`);
      await other.getByRole('heading', { level: 1, name: 'Unassigned', exact: true }).waitFor();
      await other.getByRole('region', { name: 'Open ticket', exact: true }).waitFor();
      await other.waitForTimeout(1000);
      expect(await other.getByText(keyword).count()).toBe(0);
      expect(otherErrors).toEqual([]);
    } finally {
      await other.context().close();
    }
    expect(errors).toEqual([]);
  });

  it('bulk: "select all N in this view" claims every unassigned ticket at once; filters are remembered', async ({
    page,
  }) => {
    const errors = failOnPageErrors(page);
    const stamp = stampOf();
    const keyword = `invoice${stamp}`;
    const team = await ws.createTeam();
    await ws.routeKeywordToTeam(keyword, team.id);
    const agent = await ws.createUser('agent', [team.id]);
    const externalIds = await deliverMentions(source, [
      { text: `Wrong ${keyword} amount` },
      { text: `Need a copy of my ${keyword}` },
    ]);
    const tickets = await Promise.all(externalIds.map((id) => ws.ticketOfMention(id)));

    await signIn(page, agent.email, agent.password);
    await rowLink(page, 'Wrong').waitFor();
    await rowLink(page, 'Need a copy').waitFor();
    await page.getByRole('checkbox', { name: `Select ticket #${tickets[0]!.number}`, exact: true }).check();
    const bulk = page.getByRole('region', { name: 'Bulk actions', exact: true });
    await expectText(bulk.getByRole('status'), '1 selected');
    await bulk.getByRole('button', { name: 'Select all 2 in this view', exact: true }).click();
    await expectText(bulk.getByRole('status'), 'All 2 tickets in this view are selected.');
    await bulk.getByLabel('Assign to', { exact: true }).selectOption({ label: `Me (${agent.name})` });
    await bulk.getByRole('button', { name: 'Apply', exact: true }).click();
    await page.getByText('2 tickets updated.', { exact: true }).waitFor();
    await page.getByText('No unassigned tickets.', { exact: false }).waitFor();
    await expectText(viewCount(page, 'mine'), '2 active tickets');
    expect(await bulk.count()).toBe(0);

    // A filter chosen here is still chosen after a reload (saved for this user in this browser).
    await page.getByRole('combobox', { name: 'Priority', exact: true }).selectOption({ label: 'Urgent' });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Unassigned', exact: true }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Priority', exact: true }).inputValue()).toBe('urgent');
    await page.getByText('No tickets match these filters.').waitFor();
    await page.getByRole('button', { name: 'Clear filters', exact: true }).click();
    expect(await page.getByRole('combobox', { name: 'Priority', exact: true }).inputValue()).toBe('');
    expect(errors).toEqual([]);
  });

  it('keyboard only: j/k move through the list and Enter opens each ticket; ? lists the shortcuts', async ({
    page,
  }) => {
    const errors = failOnPageErrors(page);
    const stamp = stampOf();
    const keyword = `broken${stamp}`;
    const team = await ws.createTeam();
    await ws.routeKeywordToTeam(keyword, team.id);
    const agent = await ws.createUser('agent', [team.id]);
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
    await deliverMentions(source, [
      { text: `My blender is ${keyword} after one day`, postedAt: minutesAgo(3) },
      { text: `Screen ${keyword} on arrival, what now?`, postedAt: minutesAgo(2) },
      { text: `Zipper ${keyword} already, kecewa banget`, postedAt: minutesAgo(1) },
    ]);

    await signIn(page, agent.email, agent.password);
    const rows = ticketList(page).locator('li[data-ticket-id]');
    await rows.nth(2).waitFor();
    const ids = await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-ticket-id') ?? ''));
    expect(ids).toHaveLength(3);
    await screenshot(page, 'inbox-list');

    const pane = page.getByRole('region', { name: 'Open ticket', exact: true });
    for (const [i, id] of ids.entries()) {
      await page.keyboard.press('j');
      await page.waitForFunction(
        (expected) => document.querySelector('.queue-row.is-selected')?.getAttribute('data-ticket-id') === expected,
        id,
      );
      expect(i).toBeLessThan(3);
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/inbox/unassigned/${id}`);
      await pane.getByText(id, { exact: false }).or(pane.getByRole('heading')).first().waitFor();
      expect(await rows.nth(i).locator('a').getAttribute('aria-current')).toBe('page');
    }
    await page.keyboard.press('k');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/inbox/unassigned/${ids[1]}`);
    // Opening a ticket moves focus to its heading (once its detail is in): wait for that before the next key.
    const openHeading = pane.getByRole('heading').first();
    await openHeading.waitFor();
    await expect.poll(() => openHeading.evaluate((el) => el === document.activeElement)).toBe(true);

    // `/` jumps to the search field; typing there is not taken for shortcuts.
    await page.keyboard.press('/');
    const search = page.getByRole('searchbox', { name: 'Search tickets', exact: true });
    await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('jk');
    expect(await search.inputValue()).toBe('jk');
    await search.fill('');
    await search.evaluate((el) => el.blur());

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    for (const action of ['Reply to the open ticket', 'Resolve the open ticket', 'Assign the open ticket']) {
      await help.getByText(action, { exact: true }).waitFor();
    }
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
  });

  it('scrolls through 10,000 loaded tickets with only the rows in view; new tickets above the fold wait behind "N new"', async ({
    page,
  }) => {
    const errors = failOnPageErrors(page);
    const TOTAL = 10_000;
    const base = Date.parse('2026-11-27T12:00:00.000Z');
    const uuid = (n: number, prefix: string) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const fake = (i: number) => ({
      id: uuid(i, '0000f00d'),
      number: 900_000 + i,
      status: 'new',
      priority: 'normal',
      teamId: uuid(1, '0000beef'),
      assigneeId: null,
      brandId: null,
      sourceId: uuid(1, '0000cafe'),
      sourceKind: 'webhook',
      authorId: uuid(i, '0000a11c'),
      author: {
        id: uuid(i, '0000a11c'),
        handle: `load_${i}`,
        displayName: null,
        profileUrl: null,
        followers: 1,
        influence: 1,
        verified: false,
      },
      subject: `Synthetic ticket ${i}`,
      sentiment: { label: 'neutral', score: 0 },
      type: 'question',
      firstResponseDueAt: null,
      firstRespondedAt: null,
      slaBreachedAt: null,
      resolvedAt: null,
      closedAt: null,
      snoozedUntil: null,
      lastActivityAt: new Date(base - i * 1000).toISOString(),
      waitingSince: null,
      version: 1,
      mentionCount: 1,
      mergedIntoId: null,
      tags: [],
      createdAt: new Date(base - i * 1000).toISOString(),
    });
    // The queue's pages come from here (keyset cursor = offset); everything else is the real API.
    await page.route(/\/api\/tickets\?/, async (route) => {
      const url = new URL(route.request().url());
      const from = Number(url.searchParams.get('cursor') ?? '0');
      const to = Math.min(TOTAL, from + Number(url.searchParams.get('limit') ?? '50'));
      const items = Array.from({ length: to - from }, (_, k) => fake(from + k));
      await route.fulfill({ json: { items, nextCursor: to < TOTAL ? String(to) : null } });
    });

    await signIn(page, admin().email, admin().password);
    const scroller = page.locator('.queue__scroller');
    await ticketList(page).getByRole('link').filter({ hasText: 'Synthetic ticket 0' }).waitFor();
    const deadline = Date.now() + 60_000;
    while ((await page.getByText(`${TOTAL} tickets loaded`, { exact: true }).count()) === 0) {
      if (Date.now() > deadline) {
        throw new Error(`did not load ${TOTAL} rows: ${await page.locator('.queue__loaded').textContent()}`);
      }
      await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await page.waitForTimeout(50);
    }
    const rendered = () => ticketList(page).locator('li[data-ticket-id]').count();
    expect(await rendered()).toBeLessThan(60);
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await ticketList(page)
      .getByRole('link')
      .filter({ hasText: `Synthetic ticket ${TOTAL - 1}` })
      .waitFor();

    // Jump to the middle: that window is rendered, still only a handful of rows.
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
    await ticketList(page).locator('li[aria-posinset="5001"]').waitFor();
    expect(await rendered()).toBeLessThan(60);
    expect(await ticketList(page).locator('li').first().getAttribute('aria-setsize')).toBe(String(TOTAL));

    // Scrolling stays quick at 10,000 rows: each jump re-renders one small window (generous bound for a busy CI box).
    const msPerJump = await scroller.evaluate(async (el) => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const start = performance.now();
      for (let i = 0; i < 20; i++) {
        el.scrollTop = (el.scrollHeight * i) / 20;
        await frame();
      }
      return (performance.now() - start) / 20;
    });
    expect(msPerJump).toBeLessThan(250);

    // Scrolled down, a new ticket (newer than every row, so it sorts above the fold) is held back and announced.
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
    await ticketList(page).locator('li[aria-posinset="5001"]').waitFor();
    const keyword = `arrival${stampOf()}`;
    await deliverMentions(source, [{ text: `Fresh ${keyword} while you read` }]);
    const announce = page.getByRole('button', { name: /^\d+ new — show$/ });
    await announce.waitFor();
    expect(await ticketList(page).locator('li').first().getAttribute('aria-setsize')).toBe(String(TOTAL));
    await ticketList(page).locator('li[aria-posinset="5001"]').waitFor();
    await announce.click();
    await rowLink(page, keyword).waitFor();
    expect(await scroller.evaluate((el) => el.scrollTop)).toBe(0);
    expect(Number(await ticketList(page).locator('li').first().getAttribute('aria-setsize'))).toBeGreaterThan(TOTAL);
    expect(errors).toEqual([]);
  });
});
