import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, request, type APIRequestContext, type Browser, type Locator, type Page } from 'playwright-core';
import { inject, test } from 'vitest';

const SCREENSHOT_DIR = fileURLToPath(new URL('../../../../test-results/web-e2e/', import.meta.url));
export const TIMEOUT_MS = 15_000;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser profile (no cookies, no stored language) with an English-speaking browser. */
export async function newPage(browser: Browser, locale = 'en-US'): Promise<Page> {
  const context = await browser.newContext({
    baseURL: inject('baseUrl'),
    locale,
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  return page;
}

/** vitest's `it`, given one Chromium for the whole file (`browser`) and a fresh page for each test (`page`). */
export const it = test.extend<{ $file: { browser: Browser }; $test: { page: Page } }>({
  browser: [
    // eslint-disable-next-line no-empty-pattern -- vitest reads what a fixture needs from this pattern
    async ({}, use) => {
      const browser = await launchBrowser();
      await use(browser);
      await browser.close();
    },
    { scope: 'file' },
  ],
  page: async ({ browser }, use) => {
    const page = await newPage(browser);
    await use(page);
    await page.context().close();
  },
});

export const admin = () => ({ email: inject('adminEmail'), password: inject('adminPassword') });

/** Fills in and sends the sign-in form on the page as it is. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Signs in through the form, as a person does, and waits for the inbox. */
export async function signIn(page: Page, email: string, password: string, inboxHeading = 'Unassigned'): Promise<void> {
  await page.goto('/');
  await submitSignIn(page, email, password);
  await page.getByRole('heading', { level: 1, name: inboxHeading, exact: true }).waitFor();
}

/** Waits until the locator's text is exactly `text` (trimmed). */
export async function expectText(locator: Locator, text: string): Promise<void> {
  const deadline = Date.now() + TIMEOUT_MS;
  let last: string | null = null;
  while (Date.now() < deadline) {
    last = (await locator.textContent())?.trim() ?? null;
    if (last === text) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`expected text ${JSON.stringify(text)}, last saw ${JSON.stringify(last)}`);
}

/** Waits until the locator matches nothing. */
export async function expectGone(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'detached' });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** The API as the given user, to set up or restore state around a browser flow. */
export async function apiAs(email: string, password: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: inject('baseUrl') });
  const login = await api.post('/api/auth/login', { data: { email, password } });
  if (login.status() !== 200) throw new Error(`API sign-in failed: ${login.status()} ${await login.text()}`);
  return api;
}

export async function csrfToken(api: APIRequestContext): Promise<string> {
  const { cookies } = await api.storageState();
  const csrf = cookies.find((cookie) => cookie.name === 'dengar_csrf');
  if (!csrf) throw new Error('no dengar_csrf cookie after sign-in');
  return decodeURIComponent(csrf.value);
}

export async function setLocaleViaApi(email: string, password: string, locale: 'en' | 'id'): Promise<void> {
  const api = await apiAs(email, password);
  try {
    const response = await api.patch('/api/auth/me', {
      data: { locale },
      headers: { 'X-CSRF-Token': await csrfToken(api) },
    });
    if (response.status() !== 200) throw new Error(`PATCH /api/auth/me: ${response.status()} ${await response.text()}`);
  } finally {
    await api.dispose();
  }
}
