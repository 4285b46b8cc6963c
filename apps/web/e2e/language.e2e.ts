import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { en } from '../src/i18n/en';
import { id } from '../src/i18n/id';
import { it, screenshot, signIn } from './support/browser';
import {
  deliverMentions,
  setWorkspaceBaseUrl,
  Workspace,
  type TestUser,
  type WebhookSource,
} from './support/workspace';

/**
 * English phrases of the interface that Indonesian words differently: none of them may be left on an Indonesian
 * screen. Short words (under 5 letters) are skipped, as they can sit inside user content or other words.
 */
const englishOnly = Object.entries(en)
  .filter(([key, text]) => id[key as keyof typeof en] !== text && text.length >= 5 && !text.includes('{'))
  .map(([, text]) => text);

/** English interface text visible in the page's landmarks (user content is Indonesian in this test). */
async function englishLeftOn(page: Page): Promise<string[]> {
  const visible = await page.locator('body').innerText();
  return englishOnly.filter((phrase) => visible.includes(phrase));
}

describe('language', () => {
  let workspace: Workspace;
  let agent: TestUser;
  let source: WebhookSource;

  beforeAll(async () => {
    setWorkspaceBaseUrl(inject('baseUrl'));
    workspace = await Workspace.asAdmin();
    const teams = await workspace.get<{ items: { id: string; isDefault: boolean }[] }>('/api/teams');
    const general = teams.items.find((team) => team.isDefault);
    if (!general) throw new Error('no default team');
    agent = await workspace.createUser('agent', [general.id], 'Sari Lestari');
    source = await workspace.createWebhookSource();
  });
  afterAll(async () => {
    await workspace.dispose();
  });

  it('Bahasa Indonesia changes the whole inbox screen: views, list, open ticket, composer and header', async ({
    page,
  }) => {
    const errors: Error[] = [];
    page.on('pageerror', (error) => errors.push(error));
    const [externalId] = await deliverMentions(source, [
      { text: 'Pesanan saya belum sampai sejak kemarin, tolong dibantu', language: 'id' },
    ]);
    const ticket = await workspace.ticketOfMention(externalId!);

    await signIn(page, agent.email, agent.password);
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('id');
    await page.getByRole('heading', { level: 1, name: 'Belum ditugaskan', exact: true }).waitFor();

    await page.goto(`/inbox/unassigned/${ticket.id}`);
    await page.getByRole('textbox', { name: 'Balas', exact: true }).waitFor();
    await page.getByText('Pesanan saya belum sampai sejak kemarin', { exact: false }).first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    expect(await englishLeftOn(page)).toEqual([]);
    await screenshot(page, 'inbox-id');

    // The note mode is named in Indonesian too.
    await page.keyboard.press('Escape');
    await page.locator('body').press('n');
    await page.getByRole('textbox', { name: 'Catatan', exact: true }).waitFor();
    expect(await englishLeftOn(page)).toEqual([]);
    expect(errors).toEqual([]);

    await page.getByRole('combobox', { name: 'Bahasa', exact: true }).selectOption('en');
    await page.getByRole('textbox', { name: 'Note', exact: true }).waitFor();
  });
});
