import { Controller, Get, Module } from '@nestjs/common';
import { DiscoveryModule, NestFactory } from '@nestjs/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Public } from '../src/common/access.decorator.js';
import { undeclaredRoutes } from '../src/common/route-declarations.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('the app boots against a real PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('answers /api/health 200 with database, migration, seed and job state', async () => {
    const res = await t.client().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      database: { ok: true },
      migrations: { ok: true, pending: [] },
      seed: { admin: true, defaultTeam: true },
      jobs: { ok: true },
    });
    expect(res.body.migrations.applied).toBeGreaterThan(0);
  });

  it('answers /api/health 503 when the workspace lost its admin', async () => {
    await t.db.query("UPDATE users SET active = false WHERE role = 'admin'");
    const res = await t.client().get('/api/health');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: 'unavailable', seed: { admin: false, defaultTeam: true } });
    await t.db.query("UPDATE users SET active = true WHERE role = 'admin'");
    expect((await t.client().get('/api/health')).status).toBe(200);
  });

  it('serves an OpenAPI document generated from the zod schemas, and its UI', async () => {
    const doc = await t.client().get('/api/docs-json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/users', '/api/teams/{id}/members', '/api/health']),
    );
    // The request body of POST /api/users is the contracts schema: its fields and constraints are there.
    const body = JSON.stringify(doc.body.paths['/api/users'].post.requestBody);
    const schemas = JSON.stringify(doc.body.components?.schemas ?? {});
    expect(body + schemas).toContain('"password"');
    expect(body + schemas).toContain('"minLength":10');
    // The ticket workflow's routes are documented with their response shapes.
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/tickets',
        '/api/tickets/counts',
        '/api/tickets/{id}',
        '/api/tickets/{id}/thread',
        '/api/tickets/{id}/replies',
        '/api/tickets/{id}/notes',
        '/api/tickets/{id}/tags',
        '/api/tickets/{id}/merge',
        '/api/tickets/bulk',
        '/api/routing-rules',
        '/api/routing-rules/dry-run',
        '/api/tags',
        '/api/canned-responses',
        '/api/settings',
        '/api/notifications',
        '/api/users/me/availability',
        '/api/workload',
        ...['volume', 'types', 'sentiment', 'heatmap', 'authors', 'influencers', 'campaigns'].map(
          (panel) => `/api/insights/${panel}`,
        ),
        '/api/insights/purchase-intent',
        '/api/insights/share-of-voice',
        '/api/insights/care',
        '/api/insights/export.csv',
      ]),
    );
    const detail = JSON.stringify(doc.body.paths['/api/tickets/{id}'].get.responses);
    expect(detail + schemas).toContain('"firstResponseDueAt"');
    expect(detail + schemas).toContain('"authorCard"');
    const ui = await t.client().get('/api/docs');
    expect(ui.status).toBe(200);
    expect(String(ui.body)).toContain('swagger');
  });

  it('declares who may call every route', () => {
    expect(undeclaredRoutes(t.app)).toEqual([]);
  });

  it('refuses anything but the public routes without a session', async () => {
    const c = t.client();
    expect((await c.get('/api/users')).status).toBe(401);
    expect((await c.get('/api/teams')).status).toBe(401);
    expect((await c.get('/api/auth/me')).status).toBe(401);
    const res = await c.get('/api/auth/tokens');
    expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', code: 'UNAUTHENTICATED' });
    // The ticket workflow's routes, reads and writes alike.
    const id = '00000000-0000-4000-8000-000000000001';
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/tickets'],
      ['GET', '/api/tickets/counts'],
      ['GET', `/api/tickets/${id}`],
      ['GET', `/api/tickets/${id}/thread`],
      ['PATCH', `/api/tickets/${id}`, { version: 1 }],
      ['POST', `/api/tickets/${id}/merge`, { intoTicketId: id }],
      ['POST', '/api/tickets/bulk', { ids: [id], action: { priority: 'high' } }],
      ['POST', `/api/tickets/${id}/replies`, { body: 'hi' }],
      ['POST', `/api/tickets/${id}/replies/${id}/retry`],
      ['POST', `/api/tickets/${id}/notes`, { body: 'hi' }],
      ['PUT', `/api/tickets/${id}/tags`, { tagIds: [] }],
      ['GET', '/api/routing-rules'],
      ['POST', '/api/routing-rules/dry-run', { conditions: {} }],
      ['GET', '/api/tags'],
      ['GET', '/api/canned-responses'],
      ['POST', `/api/canned-responses/${id}/render`, { ticketId: id }],
      ['GET', '/api/settings'],
      ['PATCH', '/api/settings', { requireOutcomeTag: true }],
      ['GET', '/api/notifications'],
      ['POST', '/api/notifications/read', {}],
      ['PUT', '/api/users/me/availability', { availability: 'online' }],
      ['GET', '/api/workload'],
      ['GET', '/api/insights/volume'],
      ['GET', '/api/insights/heatmap'],
      ['GET', '/api/insights/care'],
      ['GET', '/api/insights/export.csv?panel=volume'],
    ];
    for (const [method, path, body] of calls) {
      const r = await c.request(method, path, body);
      expect(r.status, `${method} ${path}`).toBe(401);
    }
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await (await t.admin()).get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404 });
  });
});

describe('the route declaration check', () => {
  it('finds a route that declares no access rule', async () => {
    @Controller('x')
    class LeakyController {
      @Get('open')
      @Public()
      open() {
        return 1;
      }
      @Get('forgotten')
      forgotten() {
        return 2;
      }
    }
    @Module({ imports: [DiscoveryModule], controllers: [LeakyController] })
    class LeakyModule {}
    const app = await NestFactory.create(LeakyModule, { logger: false });
    expect(undeclaredRoutes(app)).toEqual(['LeakyController.forgotten']);
    await app.close();
  });
});
