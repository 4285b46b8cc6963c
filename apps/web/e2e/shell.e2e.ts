import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { admin, expectText, it, newPage, screenshot, setLocaleViaApi, signIn, submitSignIn } from './support/browser';

/** Picks a language in the header, as the select is named in the current one, and waits until it is saved. */
async function chooseLanguage(page: Page, selectName: string, locale: 'en' | 'id'): Promise<void> {
  const saved = page.waitForResponse(
    (response) => response.url().endsWith('/api/auth/me') && response.request().method() === 'PATCH',
  );
  await page.getByRole('combobox', { name: selectName, exact: true }).selectOption(locale);
  expect((await saved).status()).toBe(200);
}

describe('the inbox shell', () => {
  it('signs the admin in to the live inbox, opened on Unassigned', async ({ page }) => {
    const { email, password } = admin();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in to Dengar' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await screenshot(page, 'sign-in');

    await submitSignIn(page, email, password);

    await page.getByRole('heading', { level: 1, name: 'Unassigned', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/inbox/unassigned');

    const views = page.getByRole('navigation', { name: 'Views' });
    expect(await views.getByRole('link').allTextContents()).toEqual(['Unassigned', 'Mine', 'My teams', 'All']);
    expect(await views.getByRole('link', { name: 'Unassigned', exact: true }).getAttribute('aria-current')).toBe(
      'page',
    );
    // The queue: its empty state on a fresh workspace, or the list once other tests have made tickets.
    await page
      .getByText('New conversations appear here live as they come in.')
      .or(page.getByRole('list', { name: 'Tickets', exact: true }))
      .first()
      .waitFor();

    const mainNav = page.getByRole('navigation', { name: 'Main' });
    expect(await mainNav.getByRole('link').allTextContents()).toEqual(['Inbox', 'Mentions', 'Insights', 'Settings']);
    expect(await page.getByRole('banner').count()).toBe(1);
    expect(await page.getByRole('main').count()).toBe(1);
    await page.getByRole('button', { name: 'Sign out', exact: true }).waitFor();
    await page.getByRole('combobox', { name: 'Language', exact: true }).waitFor();
    await expectText(page.getByRole('group', { name: 'Account' }).locator('.account__role'), 'Admin');

    await page.getByRole('status', { name: 'Connected', exact: true }).waitFor();
    await screenshot(page, 'shell');

    // Other views and the Insights placeholder are reachable from the keyboard-accessible links.
    await views.getByRole('link', { name: 'Mine', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine', exact: true }).waitFor();
    await mainNav.getByRole('link', { name: 'Insights', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Insights', exact: true }).waitFor();
  });

  it('shows an error for a wrong password and stays on the sign-in page', async ({ page }) => {
    await page.goto('/');
    await submitSignIn(page, admin().email, 'not-the-password-123');

    await expectText(page.getByRole('alert'), 'Wrong email or password');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('not-the-password-123');
  });

  it('signs out to the sign-in page, and the session is gone', async ({ page }) => {
    const { email, password } = admin();
    await signIn(page, email, password);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();

    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    await page.goto('/settings/users');
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
  });

  it('says the connection is lost while it is down, then replays what it missed and refetches what is on screen', async ({
    page,
  }) => {
    const { email, password } = admin();
    await signIn(page, email, password);
    await page.goto('/settings/users');
    await page.getByRole('row', { name: email }).waitFor();
    await page.getByRole('status', { name: 'Connected', exact: true }).waitFor();

    await page.context().setOffline(true);
    await page.getByRole('status', { name: 'Connection lost. Reconnecting…', exact: true }).waitFor();

    const replayed = page.waitForRequest(
      (request) => request.method() === 'GET' && new URL(request.url()).pathname === '/api/events',
    );
    const refetched = page.waitForRequest(
      (request) => request.method() === 'GET' && new URL(request.url()).pathname === '/api/users',
    );
    await page.context().setOffline(false);
    await page.getByRole('status', { name: 'Connected', exact: true }).waitFor({ timeout: 30_000 });
    await replayed;
    await refetched;
    await page.getByRole('row', { name: email }).waitFor();
  });

  it('switches to Bahasa Indonesia, remembers it for the user on reload and in another browser, and back', async ({
    browser,
    page,
  }) => {
    const { email, password } = admin();
    try {
      await signIn(page, email, password);
      await chooseLanguage(page, 'Language', 'id');

      await page.getByRole('heading', { level: 1, name: 'Belum ditugaskan', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Keluar', exact: true }).waitFor();
      await page.getByRole('status', { name: 'Terhubung', exact: true }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('id');
      const views = page.getByRole('navigation', { name: 'Tampilan' });
      expect(await views.getByRole('link').allTextContents()).toEqual([
        'Belum ditugaskan',
        'Milik saya',
        'Tim saya',
        'Semua',
      ]);
      await screenshot(page, 'shell-id');

      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Belum ditugaskan', exact: true }).waitFor();
      expect(await page.getByRole('combobox', { name: 'Bahasa', exact: true }).inputValue()).toBe('id');

      // A browser that never saw this user starts in English and takes the user's language once signed in.
      const other = await newPage(browser);
      try {
        await other.goto('/');
        await other.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
        await signIn(other, email, password, 'Belum ditugaskan');
        expect(await other.locator('html').getAttribute('lang')).toBe('id');

        await chooseLanguage(other, 'Bahasa', 'en');
        await other.getByRole('heading', { level: 1, name: 'Unassigned', exact: true }).waitFor();
        await other.getByRole('button', { name: 'Sign out', exact: true }).waitFor();
        expect(await other.locator('html').getAttribute('lang')).toBe('en');
      } finally {
        await other.context().close();
      }
    } finally {
      // Leave the admin in English whatever happened above, so other tests read English labels.
      await setLocaleViaApi(email, password, 'en');
    }
  });
});
