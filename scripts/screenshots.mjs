// The screenshots in docs/screenshots/, taken from the real app with the demo workspace: the built app on a fresh
// embedded PostgreSQL (DENGAR_DEMO=true), a month of listening history pushed through a webhook source (for the
// Insights page), some tickets answered and resolved, then Chromium as the demo users. Run after `pnpm build`:
// `node scripts/screenshots.mjs`. Not a test: it only records what the screens look like.
import { spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(ROOT, 'docs/screenshots');
const ADMIN = { email: 'admin@dengar.local', password: 'screenshots-admin-password' };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// --- the app ---
const [port, pgPort] = [await freePort(), await freePort()];
const dataDir = await mkdtemp(join(tmpdir(), 'dengar-shots-'));
const base = `http://127.0.0.1:${port}`;
let output = '';
const child = spawn(process.execPath, [join(ROOT, 'apps/api/dist/main.js')], {
  cwd: ROOT,
  env: {
    ...process.env,
    PORT: String(port),
    EMBEDDED_PG_PORT: String(pgPort),
    DENGAR_DATA_DIR: dataDir,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    DENGAR_DEMO: 'true',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
child.stdout.on('data', (chunk) => (output += chunk));
child.stderr.on('data', (chunk) => (output += chunk));
async function stop() {
  child.kill('SIGINT');
  await new Promise((resolve) => child.once('exit', resolve));
  await rm(dataDir, { recursive: true, force: true });
}

try {
  for (let i = 0; ; i++) {
    const ok = await fetch(`${base}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (i > 240) throw new Error(`the app did not start:\n${output}`);
    await sleep(250);
  }
  const demoPassword = /Demo users \(password (\S+),/.exec(output)?.[1];
  if (!demoPassword) throw new Error(`no demo password in the output:\n${output}`);

  const admin = await session(ADMIN.email, ADMIN.password);
  const alex = await session('alex@dengar.local', demoPassword);

  // The demo source backfills its last hour on its first poll; wait for its tickets.
  for (let i = 0; i < 120; i++) {
    const counts = await admin.get('/api/tickets/counts');
    if ((counts.all ?? 0) >= 25) break;
    await sleep(500);
  }

  // Alex answers and resolves some of the Customer Care tickets (the demo source takes replies).
  await alex.put('/api/users/me/availability', { availability: 'online' });
  const mine = await alex.get('/api/tickets?view=team&limit=40');
  for (const ticket of mine.items.slice(10, 28)) {
    await alex.post(`/api/tickets/${ticket.id}/replies`, {
      body: `Hi @${ticket.author?.handle ?? 'there'}, thanks for reaching out — we are looking into it.`,
    });
  }
  await sleep(4000);
  for (const ticket of mine.items.slice(10, 22)) {
    const fresh = await alex.get(`/api/tickets/${ticket.id}`);
    await alex.patch(`/api/tickets/${ticket.id}`, { version: fresh.version, status: 'resolved' }).catch(() => {});
  }

  // --- browser ---
  await mkdir(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = async (who) => {
    const context = await browser.newContext({ baseURL: base, viewport: { width: 1440, height: 900 } });
    await context.addCookies(who.cookies.map(({ name, value }) => ({ name, value, url: base })));
    const p = await context.newPage();
    p.setDefaultTimeout(20_000);
    return p;
  };

  // The inbox with an open ticket, as Alex (English).
  const inbox = await page(alex);
  await inbox.goto('/inbox/team');
  await inbox.locator('ul[aria-label="Tickets"] > li a').first().waitFor();
  await inbox.locator('ul[aria-label="Tickets"] > li a').nth(1).click();
  await inbox.getByRole('textbox', { name: 'Reply', exact: true }).waitFor();
  await sleep(800);
  await inbox.screenshot({ path: join(OUT, 'inbox.png') });

  // The same screen in Bahasa Indonesia (Alex's choice is saved; put it back afterwards).
  await inbox.getByRole('combobox', { name: 'Language', exact: true }).selectOption('id');
  await inbox.getByRole('textbox', { name: 'Balas', exact: true }).waitFor();
  await sleep(800);
  await inbox.screenshot({ path: join(OUT, 'inbox-id.png') });
  await inbox.getByRole('combobox', { name: 'Bahasa', exact: true }).selectOption('en');
  await inbox.context().close();

  // A settings page, as the admin.
  const settings = await page(admin);
  await settings.goto('/settings/routing');
  await settings.getByRole('heading', { level: 2, name: 'Routing rules' }).waitFor();
  await sleep(500);
  await settings.screenshot({ path: join(OUT, 'settings-routing.png') });
  await settings.goto('/settings/workload');
  await settings.getByRole('heading', { level: 2, name: 'Workload' }).waitFor();
  await sleep(500);
  await settings.screenshot({ path: join(OUT, 'settings-workload.png') });
  await settings.context().close();

  // A month of listening history (hours on Jakarta's clock), then the Insights page as the admin.
  await admin.patch('/api/settings', { timezone: 'Asia/Jakarta' });
  await pushHistory(admin);
  await sleep(6000);
  const insights = await page(admin);
  await insights.goto('/insights');
  await insights.getByRole('heading', { level: 2, name: 'Busy hours' }).waitFor();
  await insights.getByRole('table', { name: 'Mentions by weekday and hour' }).waitFor();
  await sleep(1500);
  await insights.screenshot({ path: join(OUT, 'insights.png'), fullPage: true });
  await insights.context().close();

  await browser.close();
  console.log(`screenshots in ${OUT}`);
} finally {
  await stop();
}

/** A signed-in API session: cookies for the browser, CSRF for unsafe requests. */
async function session(email, password) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
  const cookies = res.headers.getSetCookie().map((c) => {
    const [pair] = c.split(';');
    const [name, ...rest] = pair.split('=');
    return { name, value: rest.join('=') };
  });
  const header = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrf = decodeURIComponent(cookies.find((c) => c.name === 'dengar_csrf')?.value ?? '');
  const call = async (method, path, body) => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { cookie: header, 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return r.status === 204 ? null : r.json();
  };
  return {
    cookies,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    put: (path, body) => call('PUT', path, body),
    patch: (path, body) => call('PATCH', path, body),
  };
}

/** 30 days of mentions through a webhook source: busier mornings and evenings (Jakarta), a few influencers. */
async function pushHistory(admin) {
  const source = await admin.post('/api/sources', { kind: 'webhook', name: 'Forum archive' });
  const key = Buffer.from(source.webhookSecret.slice('whsec_'.length), 'base64');
  const texts = [
    'Kopi Senja latte today was perfect, mantap!',
    'Pesanan Kopi Senja saya belum sampai, kecewa banget',
    'Does Kopi Senja deliver to Bandung?',
    'Mau beli voucher #SenjaFest, caranya gimana?',
    'Brew & Co app is so slow, gak bisa login lagi',
    'Thinking of buying the Kopi Senja beans subscription, worth it?',
    'Loved the #SenjaFest live music at Kopi Senja',
    'Kopi Senja charged my card twice, please fix',
    'Brew & Co coffee was cold again, terrible service',
    'Kopi Senja barista super friendly, thank you!',
  ];
  let n = 0;
  const now = Date.now();
  for (let day = 30; day >= 1; day--) {
    const items = [];
    const count = 25 + ((day * 7) % 20);
    for (let i = 0; i < count; i++, n++) {
      // Jakarta is UTC+7: 08–10 and 19–21 local are 01–03 and 12–14 UTC.
      const hourUtc = [1, 2, 3, 12, 13, 14, 5, 9][n % 8];
      const posted = new Date(now - day * 86_400_000);
      posted.setUTCHours(hourUtc, (n * 13) % 60, 0, 0);
      const author = n % 97 === 0 ? 'influencer-1' : n % 89 === 0 ? 'influencer-2' : `fan-${n % 180}`;
      items.push({
        externalId: `archive-${n}`,
        url: `https://forum.example.com/t/${n}`,
        text: texts[(n * 7 + day) % texts.length],
        postedAt: posted.toISOString(),
        author: {
          externalId: author,
          handle: author,
          displayName: author.startsWith('influencer') ? `Coffee Reviewer ${author.slice(-1)}` : undefined,
          followers: author.startsWith('influencer') ? 85_000 : 50 + ((n * 31) % 2000),
          verified: author.startsWith('influencer'),
        },
        metrics: { likes: n % 40, reposts: n % 7, replies: n % 5 },
      });
    }
    const raw = JSON.stringify({ mentions: items });
    const id = `msg_${randomBytes(8).toString('hex')}`;
    const ts = Math.floor(Date.now() / 1000);
    const sig = createHmac('sha256', key).update(`${id}.${ts}.${raw}`).digest('base64');
    const res = await fetch(`${base}/api/sources/${source.id}/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(ts),
        'webhook-signature': `v1,${sig}`,
      },
      body: raw,
    });
    if (res.status !== 202) throw new Error(`history delivery: ${res.status} ${await res.text()}`);
  }
}
