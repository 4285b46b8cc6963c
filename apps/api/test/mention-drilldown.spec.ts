import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliver, item } from './support/webhook.js';
import { startTicketApp, type TicketApp } from './support/tickets.js';

/**
 * The heatmap's drill-down (issue #6): `GET /api/mentions?weekday=&hour=` reads weekday and hour of `postedAt` in
 * the workspace time zone, the same way the heatmap counts them, across a daylight-saving change.
 */
describe('mentions by weekday and hour of the workspace time zone', () => {
  let app: TicketApp;

  beforeAll(async () => {
    app = await startTicketApp();
    // Europe/Berlin: CET (+01:00) until 2026-03-29 01:00 UTC, CEST (+02:00) after.
    const posted = [
      ['dd-1', '2026-03-27T08:30:00Z'], // Friday 09:30 CET
      ['dd-2', '2026-03-30T07:30:00Z'], // Monday 09:30 CEST
      ['dd-3', '2026-03-30T08:30:00Z'], // Monday 10:30 CEST
      ['dd-4', '2026-03-29T23:30:00Z'], // Monday 01:30 CEST (Sunday in UTC)
    ] as const;
    const res = await deliver(app.t.client(), app.src.id, app.src.secret, {
      mentions: posted.map(([ext, postedAt]) => ({ ...item(ext, `Drill-down ${ext}`, `author-${ext}`), postedAt })),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
  });
  afterAll(() => app.t.close());

  const externalIds = async (query: string) => {
    const res = await app.admin.get(`/api/mentions?${query}&limit=100`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body.items as { externalId: string }[]).map((m) => m.externalId).sort();
  };

  it('counts in the workspace zone, before and after the clocks change', async () => {
    const set = await app.admin.patch('/api/settings', { timezone: 'Europe/Berlin' });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(await externalIds('weekday=5&hour=9')).toEqual(['dd-1']);
    expect(await externalIds('weekday=1&hour=9')).toEqual(['dd-2']);
    expect(await externalIds('weekday=1')).toEqual(['dd-2', 'dd-3', 'dd-4']);
    expect(await externalIds('hour=1')).toEqual(['dd-4']);
    expect(await externalIds('weekday=7')).toEqual([]);
  });

  it('follows a zone without daylight saving (Asia/Jakarta, +07:00)', async () => {
    const set = await app.admin.patch('/api/settings', { timezone: 'Asia/Jakarta' });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(await externalIds('weekday=5&hour=15')).toEqual(['dd-1']);
    expect(await externalIds('weekday=1&hour=6')).toEqual(['dd-4']);
    expect(await externalIds('weekday=1&hour=14')).toEqual(['dd-2']);
  });

  it('names a bad weekday or hour', async () => {
    const res = await app.admin.get('/api/mentions?weekday=8&hour=24');
    expect(res.status).toBe(400);
    const fields = (res.body.details.fields as { path: string }[]).map((f) => f.path).sort();
    expect(fields).toEqual(['hour', 'weekday']);
  });
});
