import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { expectText, it, screenshot, signIn, TIMEOUT_MS } from './support/browser';
import {
  deliverMentions,
  setWorkspaceBaseUrl,
  stampOf,
  Workspace,
  type TestUser,
  type WebhookSource,
} from './support/workspace';

/** Opens a settings section from the navigation and waits for its heading. */
async function openSection(page: Page, section: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).click();
  await page
    .getByRole('navigation', { name: 'Settings sections' })
    .getByRole('link', { name: section, exact: true })
    .click();
  await page.getByRole('heading', { level: 2, name: section, exact: true }).waitFor();
}

/** Fails the test on any uncaught error in the page. */
function collectPageErrors(page: Page): Error[] {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  return errors;
}

async function until<T>(what: string, probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + TIMEOUT_MS;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== null) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}: ${String(lastError)}`);
}

async function toast(page: Page, text: string): Promise<void> {
  await page.getByRole('region', { name: 'Notifications' }).getByText(text, { exact: true }).waitFor();
}

describe('care settings: routing rules, SLA, tags, canned responses, teams and workload', () => {
  let ws: Workspace;
  let team: { id: string; name: string };
  let manager: TestUser;
  let agent: TestUser;
  let source: WebhookSource;
  let ticket: { id: string; number: number };
  const stamp = stampOf();
  const keyword = `parcel${stamp}`;

  beforeAll(async () => {
    setWorkspaceBaseUrl(inject('baseUrl'));
    ws = await Workspace.asAdmin();
    team = await ws.createTeam(`Care ${stamp}`);
    manager = await ws.createUser('manager');
    agent = await ws.createUser('agent', [team.id], `Agent ${stamp}`);
    source = await ws.createWebhookSource();
    // A rule made beforehand, for the reorder; the one made in the editor goes after it.
    await ws.send('POST', '/api/routing-rules', {
      name: `Earlier ${stamp}`,
      conditions: { keywords: { any: [`nothing${stamp}`] } },
      actions: { priority: 'low' },
    });
    const [first] = await deliverMentions(source, [
      { text: `Where is my ${keyword}? It is three days late.` },
      { text: `The ${keyword} arrived broken` },
      { text: `Second ${keyword} question from me` },
      { text: `Unrelated praise ${stamp}, you are great` },
    ]);
    ticket = await until('the first mention’s ticket', async () => ws.ticketOfMention(first ?? ''));
    // The agent carries it: one open ticket for the workload view.
    const current = await ws.get<{ version: number }>(`/api/tickets/${ticket.id}`);
    await ws.send('PATCH', `/api/tickets/${ticket.id}`, {
      version: current.version,
      teamId: team.id,
      assigneeId: agent.id,
    });
  });

  afterAll(async () => {
    await ws.dispose();
  });

  it('a manager builds and tests a routing rule, reorders rules, and sets SLA, tags, canned responses, teams', async ({
    page,
  }) => {
    const errors = collectPageErrors(page);
    await signIn(page, manager.email, manager.password);

    // Routing rules: a new rule, tested before saving.
    await openSection(page, 'Routing rules');
    await page.getByRole('button', { name: 'New rule', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'New routing rule' });
    const ruleName = `Parcels ${stamp}`;
    await dialog.getByLabel('Name', { exact: true }).fill(ruleName);
    const anyWords = dialog.getByRole('textbox', { name: 'Contains any of these words', exact: true });
    await anyWords.fill(keyword);
    await anyWords.press('Enter');
    // No action yet: the form says so next to the actions.
    await dialog.getByRole('button', { name: 'Create rule', exact: true }).click();
    await dialog.getByText('Choose at least one action.', { exact: true }).waitFor();
    await dialog.getByLabel('Send to team', { exact: true }).selectOption({ label: team.name });
    await dialog.getByLabel('Set priority', { exact: true }).selectOption({ label: 'High' });

    await dialog.getByRole('button', { name: 'Test rule', exact: true }).click();
    const summary = dialog.getByText(/^Would match \d+ of the last \d+$/);
    await summary.waitFor();
    const [, matched, of] = /Would match (\d+) of the last (\d+)/.exec((await summary.textContent()) ?? '') ?? [];
    expect(Number(matched)).toBe(3);
    expect(Number(of)).toBeGreaterThanOrEqual(3);
    const sample = dialog.getByRole('list', { name: 'Mentions it would match' });
    expect(await sample.getByRole('listitem').count()).toBe(3);
    await sample.getByText(`The ${keyword} arrived broken`, { exact: true }).waitFor();
    await screenshot(page, 'settings-routing-dry-run');

    await dialog.getByRole('button', { name: 'Create rule', exact: true }).click();
    await toast(page, `Rule ${ruleName} created.`);
    const rows = page.getByRole('table', { name: 'Routing rules' }).getByRole('rowheader');
    // Other browser tests share this server and may have made rules of their own: compare the order of ours.
    const ourRules = async () =>
      (await rows.allTextContents()).filter((name) => name === `Earlier ${stamp}` || name === ruleName).join('|');
    await until('both rules listed', async () => ((await ourRules()) === `Earlier ${stamp}|${ruleName}` ? true : null));
    await screenshot(page, 'settings-routing');

    // Reorder: the new rule moves above the older one, on screen and on the server.
    await page.getByRole('button', { name: `Move ${ruleName} up`, exact: true }).click();
    await until('the new order', async () => ((await ourRules()) === `${ruleName}|Earlier ${stamp}` ? true : null));
    const saved = await ws.get<{ items: { name: string; enabled: boolean }[] }>('/api/routing-rules');
    expect(
      saved.items.map((rule) => rule.name).filter((name) => name === ruleName || name === `Earlier ${stamp}`),
    ).toEqual([ruleName, `Earlier ${stamp}`]);
    // The toggle disables a rule in place.
    const toggle = page.getByRole('checkbox', { name: `Enabled: Earlier ${stamp}`, exact: true });
    await toggle.uncheck();
    await until('the rule disabled on the server', async () => {
      const rules = await ws.get<{ items: { name: string; enabled: boolean }[] }>('/api/routing-rules');
      return rules.items.find((rule) => rule.name === `Earlier ${stamp}`)?.enabled === false ? true : null;
    });

    // SLA: a manager changes targets; the admin-only settings are shown disabled, with the reason.
    await openSection(page, 'SLA and hours');
    const urgent = page.getByRole('textbox', { name: 'Urgent priority', exact: true });
    await urgent.fill('soon');
    await page.getByRole('button', { name: 'Save targets', exact: true }).click();
    await page.getByText('Enter a whole number', { exact: true }).waitFor();
    await urgent.fill('2');
    await page.getByRole('combobox', { name: 'Unit for Urgent priority', exact: true }).selectOption('hours');
    await page.getByRole('button', { name: 'Save targets', exact: true }).click();
    await toast(page, 'Settings saved.');
    expect((await ws.get<{ slaTargets: { urgent: number } }>('/api/settings')).slaTargets.urgent).toBe(120);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'SLA and hours', exact: true }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Urgent priority', exact: true }).inputValue()).toBe('2');
    expect(await page.getByRole('combobox', { name: 'Unit for Urgent priority', exact: true }).inputValue()).toBe(
      'hours',
    );
    expect(await page.getByLabel('Workspace time zone', { exact: true }).isDisabled()).toBe(true);
    await page
      .getByText('Only an admin can change the business hours, the time zone and the outcome tag rule.', {
        exact: true,
      })
      .waitFor();

    // Tags: a topic tag with its colour.
    await openSection(page, 'Tags');
    await page.getByRole('button', { name: 'New topic tag', exact: true }).click();
    const tagDialog = page.getByRole('dialog', { name: 'New tag' });
    const tagName = `shipping-${stamp}`;
    await tagDialog.getByLabel('Name', { exact: true }).fill(tagName);
    await tagDialog.getByRole('button', { name: 'Create tag', exact: true }).click();
    await toast(page, `Tag ${tagName} created.`);
    await page.getByRole('table', { name: 'Topic tags' }).getByRole('rowheader', { name: tagName }).waitFor();

    // Canned responses: a variable inserted from its chip, previewed, saved.
    await openSection(page, 'Canned responses');
    await page.getByRole('button', { name: 'New response', exact: true }).click();
    const cannedDialog = page.getByRole('dialog', { name: 'New canned response' });
    const cannedName = `Late parcel ${stamp}`;
    await cannedDialog.getByLabel('Name', { exact: true }).fill(cannedName);
    await cannedDialog.getByRole('textbox', { name: 'Shortcut', exact: true }).fill(`late-${stamp}`);
    const body = cannedDialog.getByRole('textbox', { name: 'Text', exact: true });
    await body.fill('Sorry ');
    await cannedDialog.getByRole('button', { name: 'Insert the author’s name', exact: true }).click();
    await until('the variable inserted', async () =>
      (await body.inputValue()) === 'Sorry {{author.name}}' ? true : null,
    );
    await body.press('End');
    await body.pressSequentially(', we are on it.');
    await expectText(
      cannedDialog.getByRole('region', { name: 'Preview' }).locator('.canned-preview__text'),
      'Sorry Rina Wijaya, we are on it.',
    );
    await cannedDialog.getByRole('button', { name: 'Create response', exact: true }).click();
    await toast(page, `Canned response ${cannedName} created.`);
    await page.getByRole('table', { name: 'Canned responses' }).getByRole('rowheader', { name: cannedName }).waitFor();

    // Teams: balanced assignment, and the agent's capacity from the member list.
    await openSection(page, 'Teams');
    await page.getByRole('link', { name: team.name, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: team.name }).waitFor();
    await page.getByLabel('Assignment mode', { exact: true }).selectOption({ label: 'Balanced' });
    await page.getByRole('button', { name: 'Save changes', exact: true }).click();
    await toast(page, `Team ${team.name} saved.`);
    const memberRow = page.getByRole('row', { name: new RegExp(agent.name) });
    await expectText(memberRow.getByRole('cell').nth(3), '1');
    await memberRow.getByRole('spinbutton', { name: `Capacity of ${agent.name}`, exact: true }).fill('4');
    await memberRow.getByRole('button', { name: `Save capacity of ${agent.name}`, exact: true }).click();
    await toast(page, `Capacity of ${agent.name} set to 4.`);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: team.name }).waitFor();
    expect(await page.getByLabel('Assignment mode', { exact: true }).inputValue()).toBe('balanced');
    expect(await page.getByRole('spinbutton', { name: `Capacity of ${agent.name}`, exact: true }).inputValue()).toBe(
      '4',
    );

    // Workload: the agent's open ticket against the new capacity, and a link to the oldest waiting one.
    await openSection(page, 'Workload');
    const agentRow = page.getByRole('table', { name: 'People' }).getByRole('row', { name: new RegExp(agent.name) });
    await agentRow.getByText('1 / 4', { exact: true }).waitFor();
    const oldest = agentRow.getByRole('link', {
      name: `Open ticket #${ticket.number}, the oldest waiting of ${agent.name}`,
      exact: true,
    });
    expect(await oldest.getAttribute('href')).toBe(`/inbox/all/${ticket.id}`);
    await screenshot(page, 'settings-workload');
    await page
      .getByRole('table', { name: 'Unassigned by team' })
      .getByRole('rowheader', { name: team.name, exact: true })
      .waitFor();

    expect(errors).toEqual([]);
  });

  it('an agent cannot open the routing rules', async ({ page }) => {
    const errors = collectPageErrors(page);
    await signIn(page, agent.email, agent.password);
    expect(await page.getByRole('link', { name: 'Settings', exact: true }).count()).toBe(0);
    await page.goto('/settings/routing');
    await page.getByRole('heading', { level: 1, name: 'Unassigned', exact: true }).waitFor();
    expect(new URL(page.url()).pathname.startsWith('/inbox')).toBe(true);
    expect(await page.getByRole('heading', { name: 'Routing rules' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
