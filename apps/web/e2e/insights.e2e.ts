import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { it, screenshot, signIn } from './support/browser';
import { deliverMentions, setWorkspaceBaseUrl, stampOf, Workspace, type TestUser } from './support/workspace';

describe('insights', () => {
  let workspace: Workspace;
  let marketer: TestUser;
  let agent: TestUser;

  beforeAll(async () => {
    setWorkspaceBaseUrl(inject('baseUrl'));
    workspace = await Workspace.asAdmin();
    const team = await workspace.createTeam();
    marketer = await workspace.createUser('marketing', [team.id], 'Maya Marketing');
    agent = await workspace.createUser('agent', [team.id]);
  });
  afterAll(async () => {
    await workspace.dispose();
  });

  it('marketing reads the panels, drills from a heatmap cell into its mentions, and exports CSV', async ({ page }) => {
    const errors: Error[] = [];
    page.on('pageerror', (error) => errors.push(error));
    const stamp = stampOf();
    // Yesterday 09:15 UTC (the e2e workspace's time zone is UTC): one known heatmap cell.
    const posted = new Date(Date.now() - 86_400_000);
    posted.setUTCHours(9, 15, 0, 0);
    await deliverMentions(
      await workspace.createWebhookSource(),
      [1, 2, 3].map((n) => ({
        text: `Heatmap check ${stamp} number ${n}, the delivery was late and I am disappointed`,
        postedAt: posted.toISOString(),
      })),
    );

    await signIn(page, marketer.email, marketer.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Insights', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Insights', exact: true }).waitFor();
    for (const panel of ['Mention volume', 'Kinds of messages', 'Sentiment', 'Top topics', 'Busy hours', 'People']) {
      await page.getByRole('heading', { level: 2, name: panel, exact: true }).waitFor();
    }
    await page.getByRole('heading', { level: 2, name: 'Care performance', exact: true }).waitFor();
    // Marketing reads care without the per-agent table (managers and admins only).
    await page.getByRole('table', { name: 'By team' }).or(page.getByText('No tickets were handled')).first().waitFor();
    expect(await page.getByRole('table', { name: 'By agent' }).count()).toBe(0);

    const weekday = new Intl.DateTimeFormat('en-US', { weekday: 'short', timeZone: 'UTC' }).format(posted);
    const cell = page.getByRole('button', { name: new RegExp(`^${weekday} 09:00 — \\d+ mentions`) });
    await cell.waitFor();
    await screenshot(page, 'insights');
    await cell.click();

    await page.getByRole('heading', { level: 1, name: 'Mentions', exact: true }).waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/mentions');
    expect(url.searchParams.get('weekday')).toBe(String(((posted.getUTCDay() + 6) % 7) + 1));
    expect(url.searchParams.get('hour')).toBe('9');
    await page.getByText(`Heatmap check ${stamp} number 2`, { exact: false }).waitFor();

    // The CSV behind a panel, with this session's cookies.
    const csv = await page.request.get('/api/insights/export.csv?panel=heatmap&rows=table');
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect((await csv.text()).split('\n')[0]).toContain('weekday');
    expect(errors).toEqual([]);
  });

  it('agents get no Insights: no link, the page sends them back, and the API answers 403', async ({ page }) => {
    await signIn(page, agent.email, agent.password);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link', { name: 'Insights', exact: true }).count()).toBe(0);
    await page.goto('/insights');
    await page.getByRole('heading', { level: 1, name: 'Unassigned', exact: true }).waitFor();
    expect((await page.request.get('/api/insights/volume')).status()).toBe(403);
  });
});
