import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { expectText, it, newPage, screenshot, signIn } from './support/browser';
import { FakeMastodon, mentionNotification } from './support/fake-mastodon';
import { FakeReplyReceiver } from './support/fake-reply-receiver';
import { Workspace, deliverMentions, setWorkspaceBaseUrl, stampOf, type TestUser } from './support/workspace';

/** Fails the test on any page error or browser dialog (an `alert()` from injected markup would be one). */
function watchForTrouble(page: Page): string[] {
  const trouble: string[] = [];
  page.on('pageerror', (error) => trouble.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    trouble.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  return trouble;
}

async function eventually<T>(what: string, fn: () => Promise<T | null>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    try {
      const value = await fn();
      if (value !== null) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}${lastError instanceof Error ? `: ${lastError.message}` : ''}`);
}

const ticketHeading = (page: Page, number: number) =>
  page.getByRole('heading', { level: 2, name: new RegExp(`^#${number} `) });

describe('the open ticket', () => {
  let ws: Workspace;
  let generalId: string;
  let agent: TestUser;
  let manager: TestUser;
  const receiver = new FakeReplyReceiver();

  beforeAll(async () => {
    setWorkspaceBaseUrl(inject('baseUrl'));
    ws = await Workspace.asAdmin();
    await receiver.start();
    const teams = await ws.get<{ items: { id: string; name: string }[] }>('/api/teams?limit=100');
    const general = teams.items.find((team) => team.name === 'General');
    if (!general) throw new Error('no General team');
    generalId = general.id;
    const stamp = stampOf();
    agent = await ws.createUser('agent', [generalId], `Sari ${stamp}`);
    manager = await ws.createUser('manager', [generalId], `Budi ${stamp}`);
  });

  afterAll(async () => {
    await receiver.stop();
    await ws.dispose();
  });

  async function ticketFor(externalId: string) {
    return eventually(`the ticket of ${externalId}`, () => ws.ticketOfMention(externalId));
  }

  it('an agent replies with a canned response typed via /, tags an outcome and resolves', async ({ page }) => {
    const trouble = watchForTrouble(page);
    const stamp = stampOf();
    const shortcut = `thanks${stamp}`.slice(0, 40);
    await ws.send('POST', '/api/canned-responses', {
      name: `Thanks ${stamp}`,
      shortcut,
      language: 'en',
      body: 'Thanks {{author.name}}, we are on it (ticket {{ticket.number}}).',
    });
    const outcome = `helped-${stamp}`;
    await ws.send('POST', '/api/tags', { name: outcome, kind: 'outcome' });
    await ws.send('PATCH', '/api/settings', { requireOutcomeTag: true });

    const source = await ws.createWebhookSource(`Partner ${stamp}`);
    // The agent is in the inbox when the mention arrives: it appears in the list without a reload.
    await signIn(page, agent.email, agent.password);
    const [externalId] = await deliverMentions(source, [
      {
        text: `My order ${stamp} never arrived, can you help?`,
        replyWebhookUrl: receiver.url(`/replies/${stamp}`),
        author: { handle: `dewi_${stamp}`, displayName: 'Dewi Lestari', followers: 5300, verified: true },
      },
    ]);
    const ticket = await ticketFor(externalId ?? '');
    const row = page
      .getByRole('list', { name: 'Tickets', exact: true })
      .getByRole('link', { name: new RegExp(`My order ${stamp} never arrived`) });
    await row.waitFor();
    await row.click();
    await page.waitForURL(`**/inbox/unassigned/${ticket.id}`);
    const heading = ticketHeading(page, ticket.number);
    await heading.waitFor();
    // The heading takes focus when the ticket opens.
    await expect.poll(() => heading.evaluate((el) => el === document.activeElement)).toBe(true);
    await page
      .getByRole('article', { name: 'Post by Dewi Lestari' })
      .getByText(`My order ${stamp} never arrived, can you help?`)
      .waitFor();
    const side = page.getByRole('complementary', { name: 'Ticket actions' });
    await side.getByText('Dewi Lestari').waitFor();
    await side.getByText('Verified account').waitFor();

    // `r` puts the caret in the reply box; `/` and the shortcut open the saved replies.
    await page.keyboard.press('r');
    const box = page.getByRole('textbox', { name: 'Reply', exact: true });
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await box.pressSequentially(`/${shortcut.slice(0, 10)}`);
    const options = page.getByRole('listbox', { name: 'Saved replies' });
    await options.getByRole('option', { name: new RegExp(shortcut) }).waitFor();
    await box.press('Enter');
    const expected = `Thanks Dewi Lestari, we are on it (ticket ${ticket.number}).`;
    await eventually('the rendered canned response', async () => ((await box.inputValue()) === expected ? true : null));
    await page.getByText(`${[...expected].length} / 10000`).waitFor();
    await page.getByRole('button', { name: 'Send reply', exact: true }).click();

    const delivery = await receiver.waitForReply(expected);
    expect(delivery.json).toMatchObject({ type: 'reply', body: expected });
    const replyEntry = page.getByRole('article', { name: `Reply by ${agent.name}` });
    await replyEntry.getByText('Sent', { exact: true }).waitFor();
    await replyEntry.getByRole('link', { name: 'View sent reply' }).waitFor();
    // The socket's "sent" can beat the POST's own answer, which is what empties the box.
    await eventually('the box emptied after sending', async () => ((await box.inputValue()) === '' ? true : null));

    // Resolving without an outcome tag is blocked with a reason, and the tag picker opens.
    await side.getByRole('button', { name: 'Resolve', exact: true }).click();
    const tags = page.getByRole('dialog', { name: 'Tags' });
    await tags.waitFor();
    await tags.getByText('Add an outcome tag first', { exact: false }).waitFor();
    await tags.getByRole('checkbox', { name: outcome }).check();
    await tags.getByRole('button', { name: 'Save tags', exact: true }).click();
    await tags.waitFor({ state: 'hidden' });
    await side.getByText(outcome).waitFor();

    // `e` resolves once the rule is met.
    await heading.focus();
    await page.keyboard.press('e');
    await expectText(side.getByTestId('ticket-status'), 'Resolved');
    await page.getByText(`${agent.name} changed the status from Open to Resolved`).waitFor();
    await screenshot(page, 'ticket-open');

    const saved = await ws.get<{ status: string; tags: { name: string }[] }>(`/api/tickets/${ticket.id}`);
    expect(saved.status).toBe('resolved');
    expect(saved.tags.map((t) => t.name)).toContain(outcome);
    await ws.send('PATCH', '/api/settings', { requireOutcomeTag: false });
    expect(trouble).toEqual([]);
  });

  it('an agent and a manager on the same ticket see each other viewing and typing', async ({ page, browser }) => {
    const trouble = watchForTrouble(page);
    const stamp = stampOf();
    const source = await ws.createWebhookSource(`Presence ${stamp}`);
    const [externalId] = await deliverMentions(source, [{ text: `Where is my refund ${stamp}?` }]);
    const ticket = await ticketFor(externalId ?? '');

    const other = await newPage(browser);
    const otherTrouble = watchForTrouble(other);
    try {
      await signIn(page, agent.email, agent.password);
      await signIn(other, manager.email, manager.password);
      await page.goto(`/inbox/unassigned/${ticket.id}`);
      await other.goto(`/inbox/unassigned/${ticket.id}`);
      await ticketHeading(page, ticket.number).waitFor();
      await ticketHeading(other, ticket.number).waitFor();

      await page.getByText(`${manager.name} is viewing`).waitFor();
      await other.getByText(`${agent.name} is viewing`).waitFor();

      await page.getByRole('textbox', { name: 'Reply', exact: true }).pressSequentially('Checking your refund');
      await other.getByText(`${agent.name} is typing…`).waitFor();
      await screenshot(other, 'ticket-presence');

      // The manager starts to send while the agent types: they are asked first.
      await other.getByRole('textbox', { name: 'Reply', exact: true }).fill('On it');
      await other.getByRole('button', { name: 'Send reply', exact: true }).click();
      const confirm = other.getByRole('dialog', { name: 'Someone else is replying' });
      await confirm.waitFor();
      await confirm.getByRole('button', { name: 'Cancel', exact: true }).click();
      await confirm.waitFor({ state: 'hidden' });
      // Sent anyway: the server says who was typing; this mention has no reply channel, so it is posted by hand.
      await page.getByRole('textbox', { name: 'Reply', exact: true }).pressSequentially(' now');
      await other.getByText(`${agent.name} is typing…`).waitFor();
      await other.getByRole('button', { name: 'Send reply', exact: true }).click();
      await confirm.getByRole('button', { name: 'Send anyway', exact: true }).click();
      await other.getByText(`Heads-up: ${agent.name} was typing a reply when yours was sent.`).waitFor();
      const manual = other.getByRole('article', { name: `Reply by ${manager.name}` });
      await manual.getByText('Post by hand', { exact: true }).waitFor();
      expect(await manual.getByRole('textbox', { name: 'Text to post' }).inputValue()).toBe('On it');
      expect(await manual.getByRole('link', { name: 'Open post' }).getAttribute('href')).toMatch(/^https:\/\//);

      // Notes: the box is named Note and `@` offers teammates.
      await page.getByRole('button', { name: 'Internal note', exact: true }).click();
      const note = page.getByRole('textbox', { name: 'Note', exact: true });
      await note.pressSequentially(`cc @${manager.name.slice(0, 4)}`);
      await page
        .getByRole('listbox', { name: 'Teammates' })
        .getByRole('option', { name: new RegExp(manager.name) })
        .waitFor();
      await note.press('Enter');
      await note.pressSequentially('please check');
      await page.getByRole('button', { name: 'Add note', exact: true }).click();
      const noteEntry = other.getByRole('article', { name: `Internal note by ${agent.name}` });
      await noteEntry.getByText(`cc @${manager.name.replace(/\s+/g, '')} please check`).waitFor();
      // The reply draft was kept while in note mode.
      await page.getByRole('button', { name: 'Reply to the customer', exact: true }).click();
      expect(await page.getByRole('textbox', { name: 'Reply', exact: true }).inputValue()).toBe(
        'Checking your refund now',
      );
    } finally {
      await other.context().close();
    }
    expect(trouble).toEqual([]);
    expect(otherTrouble).toEqual([]);
  });

  it('shows hostile mention text from a webhook and a Mastodon status as harmless text and links', async ({ page }) => {
    const trouble = watchForTrouble(page);
    const stamp = stampOf();
    const source = await ws.createWebhookSource(`Hostile ${stamp}`);
    // Escaped in the delivery, so the text the customer wrote is literally this markup.
    const [externalId] = await deliverMentions(source, [
      { text: `Hello ${stamp} &lt;img src=x onerror=alert(1)&gt; <img src=x onerror=alert(1)>` },
    ]);
    const webhookTicket = await ticketFor(externalId ?? '');

    const mastodon = new FakeMastodon([
      mentionNotification({
        id: `9${Date.now()}`,
        username: `mallory${stamp}`,
        content: `<p>Hi ${stamp} <a href="javascript:alert(2)" onclick="alert(3)">click me</a> see <a href="https://good.example/x" onclick="alert(4)">https://good.example/x</a></p>`,
      }),
    ]);
    await mastodon.start();
    try {
      const created = (await ws.send('POST', '/api/sources', {
        kind: 'mastodon',
        name: `Mastodon ${stamp}`,
        config: { baseUrl: mastodon.baseUrl, accessToken: 'fake-token', mode: 'notifications' },
      })) as { id: string };
      await ws.send('POST', `/api/sources/${created.id}/poll`);
      const mastodonTicketId = await eventually('the Mastodon mention', async () => {
        const page = await ws.get<{ items: { ticketId: string | null }[] }>(
          `/api/mentions?sourceId=${created.id}&spam=any&limit=10`,
        );
        return page.items.find((m) => m.ticketId)?.ticketId ?? null;
      });

      await signIn(page, agent.email, agent.password);
      await page.goto(`/inbox/unassigned/${webhookTicket.id}`);
      await ticketHeading(page, webhookTicket.number).waitFor();
      const thread = page.getByRole('region', { name: 'Conversation' });
      await thread.getByText(`Hello ${stamp} <img src=x onerror=alert(1)>`).waitFor();
      expect(await thread.locator('img').count()).toBe(0);

      await page.goto(`/inbox/unassigned/${mastodonTicketId}`);
      await page.getByRole('heading', { level: 2 }).first().waitFor();
      await thread.getByText(`Hi ${stamp} click me see`, { exact: false }).waitFor();
      const links = thread.locator('a');
      const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs.some((href) => href.toLowerCase().startsWith('javascript:'))).toBe(false);
      expect(await thread.locator('[onclick]').count()).toBe(0);
      const good = thread.getByRole('link', { name: 'https://good.example/x' });
      expect(await good.getAttribute('rel')).toBe('noopener noreferrer nofollow');
      expect(await good.getAttribute('target')).toBe('_blank');
      await thread.getByText('click me', { exact: false }).click();
      await screenshot(page, 'ticket-hostile');
      // Anything that ran would have shown a dialog or thrown by now.
      await page.waitForTimeout(300);
    } finally {
      await mastodon.stop();
    }
    expect(trouble).toEqual([]);
  });

  it('a ticket the user may not see shows a not-found state', async ({ page }) => {
    const trouble = watchForTrouble(page);
    const stamp = stampOf();
    const team = await ws.createTeam(`Hidden ${stamp}`);
    await ws.routeKeywordToTeam(`hidden${stamp}`, team.id);
    const source = await ws.createWebhookSource(`Hidden ${stamp}`);
    const [externalId] = await deliverMentions(source, [{ text: `about hidden${stamp} things` }]);
    const ticket = await ticketFor(externalId ?? '');
    await signIn(page, agent.email, agent.password);
    await page.goto(`/inbox/unassigned/${ticket.id}`);
    await page.getByRole('heading', { name: 'Ticket not found' }).waitFor();
    expect(trouble).toEqual([]);
  });
});
