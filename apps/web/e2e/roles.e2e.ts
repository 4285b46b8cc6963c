import type { APIRequestContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { admin, apiAs, csrfToken, it, signIn } from './support/browser';

interface CreatedUser {
  id: string;
  email: string;
  name: string;
  password: string;
}

describe('what each role sees', () => {
  let adminApi: APIRequestContext;

  async function createUser(role: 'manager' | 'agent', name: string): Promise<CreatedUser> {
    const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const body = {
      email: `${role}.${stamp}@example.com`,
      name: `${name} ${stamp}`,
      role,
      password: `pw-${stamp}-long-enough`,
    };
    const response = await adminApi.post('/api/users', {
      data: body,
      headers: { 'X-CSRF-Token': await csrfToken(adminApi) },
    });
    expect(response.status()).toBe(201);
    const { id } = (await response.json()) as { id: string };
    return { id, ...body };
  }

  beforeAll(async () => {
    adminApi = await apiAs(admin().email, admin().password);
  });
  afterAll(async () => {
    await adminApi.dispose();
  });

  it('a manager sees users but may change only their capacity', async ({ page }) => {
    const manager = await createUser('manager', 'Made Manager');
    const agent = await createUser('agent', 'Agus Agent');
    await signIn(page, manager.email, manager.password);

    const mainNav = page.getByRole('navigation', { name: 'Main' });
    expect(await mainNav.getByRole('link').allTextContents()).toEqual(['Inbox', 'Mentions', 'Insights', 'Settings']);
    await mainNav.getByRole('link', { name: 'Settings', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Users', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'New user' }).count()).toBe(0);

    await page.getByRole('button', { name: `Edit ${agent.name}`, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Edit ${agent.name}` });
    await dialog.getByLabel('Capacity', { exact: true }).waitFor();
    expect(await dialog.getByLabel('Role', { exact: true }).count()).toBe(0);
    expect(await dialog.getByLabel('Name', { exact: true }).count()).toBe(0);
    await dialog.getByLabel('Capacity', { exact: true }).fill('3');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row', { name: agent.name });
    await row.getByRole('cell', { name: '3', exact: true }).waitFor();
  });

  it('an agent gets the inbox without All, Insights or Settings, and is signed out live when deactivated', async ({
    page,
  }) => {
    const agent = await createUser('agent', 'Sari Agent');
    await signIn(page, agent.email, agent.password);

    const mainNav = page.getByRole('navigation', { name: 'Main' });
    expect(await mainNav.getByRole('link').allTextContents()).toEqual(['Inbox', 'Mentions']);
    const views = page.getByRole('navigation', { name: 'Views' });
    expect(await views.getByRole('link').allTextContents()).toEqual(['Unassigned', 'Mine', 'My teams']);
    await page.getByRole('status', { name: 'Connected', exact: true }).waitFor();

    // Typing a manager's address sends the agent back to their inbox.
    await page.goto('/settings/users');
    await page.getByRole('heading', { level: 1, name: 'Unassigned', exact: true }).waitFor();
    await page.getByRole('status', { name: 'Connected', exact: true }).waitFor();

    const deactivated = await adminApi.patch(`/api/users/${agent.id}`, {
      data: { active: false },
      headers: { 'X-CSRF-Token': await csrfToken(adminApi) },
    });
    expect(deactivated.status()).toBe(200);

    // The server ends the session on the live socket; the page goes to sign-in and says why.
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.getByText('Your account has been deactivated.').waitFor();
  });
});
