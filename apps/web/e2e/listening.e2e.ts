import { createHmac, randomUUID } from 'node:crypto';
import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { admin, apiAs, csrfToken, expectGone, expectText, it, newPage, screenshot, signIn } from './support/browser';

const stampOf = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** The value next to a label in a source card's facts (`<dt>label</dt><dd>value</dd>`). */
const fact = (card: Locator, label: string) =>
  card.locator('div', { has: card.page().locator('dt', { hasText: label }) }).locator('dd');

/** Signs and POSTs a delivery the way a Standard Webhooks sender does (SPEC §4). */
async function deliverWebhook(url: string, secret: string, body: unknown): Promise<Response> {
  const raw = JSON.stringify(body);
  const id = `msg_${randomUUID()}`;
  const timestamp = String(Math.floor(Date.now() / 1000));
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${raw}`).digest('base64');
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': timestamp,
      'webhook-signature': `v1,${signature}`,
    },
    body: raw,
  });
}

async function openSettingsSection(page: Page, section: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click();
  await page
    .getByRole('navigation', { name: 'Settings sections' })
    .getByRole('link', { name: section, exact: true })
    .click();
  await page.getByRole('heading', { level: 2, name: section, exact: true }).waitFor();
}

describe('listening: brands, sources and the mention stream', () => {
  let adminApi: APIRequestContext;

  async function createUser(role: 'manager' | 'agent') {
    const stamp = stampOf();
    const body = {
      email: `${role}.${stamp}@example.com`,
      name: `${role} ${stamp}`,
      role,
      password: `pw-${stamp}-long-enough`,
    };
    const response = await adminApi.post('/api/users', {
      data: body,
      headers: { 'X-CSRF-Token': await csrfToken(adminApi) },
    });
    expect(response.status()).toBe(201);
    return body;
  }

  beforeAll(async () => {
    adminApi = await apiAs(admin().email, admin().password);
  });
  afterAll(async () => {
    await adminApi.dispose();
  });

  it('an admin adds a brand and a webhook source; pushed mentions arrive live, spam waits in Spam until restored', async ({
    page,
  }) => {
    const stamp = stampOf();
    const brandName = `Acme ${stamp}`;
    const keyword = `acme${stamp}`;
    const sourceName = `Partner forms ${stamp}`;
    await signIn(page, admin().email, admin().password);

    // A brand with keywords, typed as a person would (a comma or Enter ends a term).
    await openSettingsSection(page, 'Brands');
    await page.getByRole('button', { name: 'New brand', exact: true }).click();
    const newBrand = page.getByRole('dialog', { name: 'New brand' });
    await newBrand.getByLabel('Name', { exact: true }).fill(brandName);
    await newBrand.getByLabel('Kind', { exact: true }).selectOption({ label: 'Own brand' });
    await newBrand.getByLabel('Keywords', { exact: true }).fill(`${keyword}, ${keyword} shoes,`);
    await newBrand.getByLabel('Handles', { exact: true }).fill('@acme_care');
    await newBrand.getByLabel('Handles', { exact: true }).press('Enter');
    expect(await newBrand.getByRole('list', { name: 'Keywords' }).getByRole('listitem').allTextContents()).toEqual([
      `${keyword}×`,
      `${keyword} shoes×`,
    ]);
    await newBrand.getByRole('button', { name: 'Create brand', exact: true }).click();
    await expectGone(page.getByRole('dialog', { name: 'New brand' }));
    const brandRow = page.getByRole('row', { name: brandName });
    await brandRow.waitFor();
    const cells = brandRow.getByRole('cell');
    await expectText(cells.nth(0), 'Own brand');
    expect(await cells.nth(1).getByRole('listitem').allTextContents()).toEqual([keyword, `${keyword} shoes`]);
    expect(await cells.nth(2).getByRole('listitem').allTextContents()).toEqual(['@acme_care']);

    // The API's 409 on a taken name is shown next to the Name field.
    await page.getByRole('button', { name: 'New brand', exact: true }).click();
    const again = page.getByRole('dialog', { name: 'New brand' });
    await again.getByLabel('Name', { exact: true }).fill(brandName);
    await again.getByLabel('Keywords', { exact: true }).fill('other');
    await again.getByRole('button', { name: 'Create brand', exact: true }).click();
    await again.getByText('is already taken').waitFor();
    expect(await again.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await again.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expectGone(page.getByRole('dialog', { name: 'New brand' }));

    // A webhook source: its URL and secret are shown once, right after creation.
    await page
      .getByRole('navigation', { name: 'Settings sections' })
      .getByRole('link', { name: 'Sources', exact: true })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Sources', exact: true }).waitFor();
    await page.getByRole('button', { name: 'New source', exact: true }).click();
    const newSource = page.getByRole('dialog', { name: 'New source' });
    await newSource.getByLabel('Kind', { exact: true }).selectOption({ label: 'Webhook' });
    await newSource.getByLabel('Name', { exact: true }).fill(sourceName);
    await newSource.getByRole('button', { name: 'Create source', exact: true }).click();
    const ready = page.getByRole('dialog', { name: `${sourceName} is ready` });
    await ready.getByText('Shown once.').waitFor();
    const webhookUrl = await ready.getByLabel('Webhook URL', { exact: true }).inputValue();
    const secret = await ready.getByLabel('Signing secret', { exact: true }).inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
    expect(new URL(webhookUrl).origin).toBe(new URL(page.url()).origin);
    expect(new URL(webhookUrl).pathname).toMatch(/^\/api\/sources\/[0-9a-f-]{36}\/webhook$/);
    await screenshot(page, 'webhook-secret-once');
    await ready.getByRole('button', { name: 'I have copied it', exact: true }).click();
    await expectGone(page.getByRole('dialog', { name: `${sourceName} is ready` }));

    // Its health card; the secret is nowhere on the page any more, nor after a reload.
    const card = page.getByRole('article', { name: sourceName });
    await expectText(fact(card, 'Status'), 'OK');
    await expectText(fact(card, 'Mentions (24 h)'), '0');
    await expectText(fact(card, 'Skipped (24 h)'), '0');
    await card.getByText(webhookUrl, { exact: true }).waitFor();
    expect(await page.content()).not.toContain(secret);
    await page.reload();
    await page.getByRole('article', { name: sourceName }).waitFor();
    expect(await page.content()).not.toContain(secret);

    // The Mentions view, live: the stream is loaded before the delivery, and nothing reloads after it.
    const listed = page.waitForResponse(
      (response) => new URL(response.url()).pathname === '/api/mentions' && response.request().method() === 'GET',
    );
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mentions', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mentions', exact: true }).waitFor();
    expect((await listed).status()).toBe(200);
    await page.getByRole('search', { name: 'Filter mentions' }).waitFor();
    await page.getByRole('status', { name: 'Connected', exact: true }).waitFor();
    await page.evaluate(() => {
      (window as unknown as { e2eSameDocument: boolean }).e2eSameDocument = true;
    });

    const question = `Is the ${keyword} store in Bandung open on Sunday? Asking for my mum :)`;
    const spam = `Cheap UGG boots outlet!!! ${stamp} http://cheap-boots.example/1 http://cheap-boots.example/2 http://cheap-boots.example/3`;
    const postedAt = new Date().toISOString();
    const originalUrl = `https://forum.example.com/t/${stamp}`;
    const delivery = await deliverWebhook(webhookUrl, secret, {
      mentions: [
        {
          externalId: `q-${stamp}`,
          text: question,
          postedAt,
          url: originalUrl,
          language: 'en',
          author: { externalId: `ayu-${stamp}`, handle: `ayu_${stamp}`, displayName: 'Ayu Lestari', followers: 1520 },
        },
        {
          externalId: `s-${stamp}`,
          text: spam,
          postedAt,
          url: `https://forum.example.com/t/${stamp}-spam`,
          author: { externalId: `bot-${stamp}`, handle: `boots_${stamp}` },
        },
      ],
    });
    expect(delivery.status).toBe(202);
    expect(await delivery.json()).toEqual({ accepted: 2, duplicates: 0, rejected: [] });

    const mention = page.getByRole('article').filter({ hasText: question });
    await mention.waitFor();
    expect(await page.evaluate(() => (window as unknown as { e2eSameDocument?: boolean }).e2eSameDocument)).toBe(true);
    await mention.getByText(`ayu_${stamp}`, { exact: true }).waitFor();
    await mention.getByText('1.5K followers', { exact: true }).waitFor();
    const details = mention.getByRole('list', { name: 'About this mention' });
    await details.getByText(brandName, { exact: true }).waitFor();
    await details.getByText('English', { exact: true }).waitFor();
    await details.getByText(`Webhook · ${sourceName}`, { exact: true }).waitFor();
    const original = mention.getByRole('link', { name: /View original/ });
    expect(await original.getAttribute('href')).toBe(originalUrl);
    expect(await original.getAttribute('target')).toBe('_blank');
    expect(await original.getAttribute('rel')).toBe('noopener noreferrer');
    await mention.getByRole('link', { name: 'Ticket', exact: true }).waitFor();
    // The list was fetched after both were committed: the spam one is kept out of the stream.
    expect(await page.getByRole('article').filter({ hasText: spam }).count()).toBe(0);
    await screenshot(page, 'mentions-stream');

    // The Spam view holds it; restoring it moves it back to the stream.
    const views = page.getByRole('navigation', { name: 'Mention views' });
    await views.getByRole('link', { name: 'Spam', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Spam', exact: true }).waitFor();
    const spamMention = page.getByRole('article').filter({ hasText: spam });
    await spamMention.waitFor();
    await spamMention.getByRole('button', { name: 'Restore', exact: true }).click();
    await page.getByText('Mention restored.').waitFor();
    await expectGone(page.getByRole('article').filter({ hasText: spam }));
    await views.getByRole('link', { name: 'Stream', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mentions', exact: true }).waitFor();
    const restored = page.getByRole('article').filter({ hasText: spam });
    await restored.getByRole('button', { name: 'Mark as spam', exact: true }).waitFor();

    // Filters go to the API (and the URL): this source's questions are the one question.
    const filtered = page.waitForResponse((response) => {
      const url = new URL(response.url());
      return url.pathname === '/api/mentions' && url.searchParams.get('type') === 'question';
    });
    await page.getByLabel('Source', { exact: true }).selectOption({ label: `${sourceName} (Webhook)` });
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Question' });
    const query = new URL((await filtered).url()).searchParams;
    expect(query.get('sourceId')).toBe(new URL(webhookUrl).pathname.split('/')[3]);
    expect(query.get('spam')).toBe('false');
    await expect.poll(() => page.getByRole('article').count(), { timeout: 15_000 }).toBe(1);
    await page.getByRole('article').filter({ hasText: question }).waitFor();
    expect(new URL(page.url()).searchParams.get('type')).toBe('question');

    // Back on Sources: the delivery is counted, and a source with mentions cannot be deleted, only disabled.
    await openSettingsSection(page, 'Sources');
    const sourceCard = page.getByRole('article', { name: sourceName });
    await expectText(fact(sourceCard, 'Mentions (24 h)'), '2');
    await sourceCard.getByRole('button', { name: `Delete ${sourceName}`, exact: true }).click();
    const confirm = page.getByRole('dialog', { name: `Delete ${sourceName}?` });
    await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
    await confirm
      .getByRole('alert')
      .getByText(/disable it instead/)
      .waitFor();
    await confirm.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expectGone(page.getByRole('dialog', { name: `Delete ${sourceName}?` }));
    const enabled = sourceCard.getByRole('switch', { name: 'Enabled', exact: true });
    expect(await enabled.getAttribute('aria-checked')).toBe('true');
    await enabled.click();
    await expectText(fact(sourceCard, 'Status'), 'Disabled');
    expect(await enabled.getAttribute('aria-checked')).toBe('false');
    await screenshot(page, 'sources');
  });

  it('an agent sees mentions but no settings; a manager reads brands and sources and manages campaigns', async ({
    browser,
    page,
  }) => {
    const agent = await createUser('agent');
    await signIn(page, agent.email, agent.password);
    const mainNav = page.getByRole('navigation', { name: 'Main' });
    expect(await mainNav.getByRole('link').allTextContents()).toEqual(['Inbox', 'Mentions']);
    await page.goto('/settings/sources');
    await page.getByRole('heading', { level: 1, name: 'Unassigned', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/inbox/unassigned');
    await mainNav.getByRole('link', { name: 'Mentions', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mentions', exact: true }).waitFor();
    const views = page.getByRole('navigation', { name: 'Mention views' });
    expect(await views.getByRole('link').allTextContents()).toEqual(['Stream']);
    expect(await page.getByRole('button', { name: 'Mark as spam' }).count()).toBe(0);

    const manager = await createUser('manager');
    const managerPage = await newPage(browser);
    try {
      await signIn(managerPage, manager.email, manager.password);
      await openSettingsSection(managerPage, 'Sources');
      await managerPage.getByText('An admin connects and manages sources').waitFor();
      expect(await managerPage.getByRole('button', { name: 'New source' }).count()).toBe(0);
      expect(await managerPage.getByRole('switch').count()).toBe(0);

      await managerPage
        .getByRole('navigation', { name: 'Settings sections' })
        .getByRole('link', { name: 'Brands', exact: true })
        .click();
      await managerPage.getByRole('heading', { level: 2, name: 'Brands', exact: true }).waitFor();
      expect(await managerPage.getByRole('button', { name: 'New brand' }).count()).toBe(0);

      const campaignName = `Lebaran sale ${stampOf()}`;
      await managerPage
        .getByRole('navigation', { name: 'Settings sections' })
        .getByRole('link', { name: 'Campaigns', exact: true })
        .click();
      await managerPage.getByRole('heading', { level: 2, name: 'Campaigns', exact: true }).waitFor();
      await managerPage.getByRole('button', { name: 'New campaign', exact: true }).click();
      const dialog = managerPage.getByRole('dialog', { name: 'New campaign' });
      await dialog.getByLabel('Name', { exact: true }).fill(campaignName);
      // Nothing to match yet: the form says what is missing next to the field.
      await dialog.getByRole('button', { name: 'Create campaign', exact: true }).click();
      await dialog.getByText('Give at least one hashtag or keyword').waitFor();
      await dialog.getByLabel('Hashtags', { exact: true }).fill('#lebaransale');
      await dialog.getByLabel('Starts on', { exact: true }).fill('2026-03-01');
      await dialog.getByLabel('Ends on', { exact: true }).fill('2026-03-31');
      await dialog.getByRole('button', { name: 'Create campaign', exact: true }).click();
      await expectGone(managerPage.getByRole('dialog', { name: 'New campaign' }));
      const row = managerPage.getByRole('row', { name: campaignName });
      await row.waitFor();
      const cells = row.getByRole('cell');
      await expectText(cells.nth(0), 'Any own brand');
      expect(await cells.nth(1).getByRole('listitem').allTextContents()).toEqual(['#lebaransale']);
      await expectText(cells.nth(3), 'Mar 1, 2026');
      await expectText(cells.nth(4), 'Mar 31, 2026');
    } finally {
      await managerPage.context().close();
    }
  });
});
