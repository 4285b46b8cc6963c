import type { Team } from '@dengar/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EventRelay } from '../src/modules/event/event-relay.js';
import { JobsService } from '../src/jobs/jobs.service.js';
import { TICKET_TIMERS_JOB, TicketJobsService } from '../src/modules/ticket-jobs/ticket-jobs.service.js';
import type { Client } from './support/client.js';
import { TestSockets } from './support/sockets.js';
import type { TestApp } from './support/test-app.js';
import { deliverTicket, startTicketApp, teamAgent } from './support/tickets.js';

/** Ticket timers (SPEC §3, §5): SLA breaches, snoozes that end, resolved tickets that close after 7 days. */
describe('ticket timers', () => {
  let t: TestApp;
  let admin: Client;
  let general: Team;
  let src: { id: string; secret: string };
  let jobs: TicketJobsService;
  const sockets = new TestSockets();
  const sql = <T = any>(q: string, p: unknown[] = []) => t.db.query<T>(q, p);

  beforeAll(async () => {
    ({ t, admin, general, src } = await startTicketApp());
    jobs = t.app.get(TicketJobsService);
  });
  afterEach(() => sockets.closeAll());
  afterAll(() => t?.close());

  const listen = async (c: Client, names: string[]) => (await sockets.listen(c, names)).heard;
  const newTicket = () => deliverTicket(t, src, 'My order never came');

  const row = async (id: string) =>
    (
      await sql<{
        status: string;
        number: number;
        version: number;
        slaBreachedAt: Date | null;
        snoozedUntil: Date | null;
        closedAt: Date | null;
        dueAt: Date | null;
      }>(
        `SELECT status, number, version, sla_breached_at AS "slaBreachedAt", snoozed_until AS "snoozedUntil",
                closed_at AS "closedAt", first_response_due_at AS "dueAt" FROM tickets WHERE id = $1`,
        [id],
      )
    )[0]!;

  const ticketEvents = (id: string, type: string) =>
    sql<{ actorId: string | null; data: any }>(
      'SELECT actor_id AS "actorId", data FROM ticket_events WHERE ticket_id = $1 AND type = $2',
      [id, type],
    );

  it('marks an overdue first response once: TicketEvent, sla.breached to the team, notification to the assignee', async () => {
    const res = await admin.patch(`/api/teams/${general.id}`, { assignmentMode: 'round_robin' });
    expect(res.status).toBe(200);
    const assignee = await teamAgent(admin, general.id, { availability: 'online' });
    const teammate = await teamAgent(admin, general.id);
    const teamSocket = await listen(teammate.client, ['sla.breached', 'ticket.updated']);
    const mine = await listen(assignee.client, ['notification.created']);

    const id = await newTicket();
    expect((await sql('SELECT assignee_id FROM tickets WHERE id = $1', [id]))[0]).toEqual({
      assignee_id: assignee.user.id,
    });
    await admin.patch(`/api/teams/${general.id}`, { assignmentMode: 'manual' });
    const unassigned = await newTicket();
    const notDue = await newTicket();
    await sql(`UPDATE tickets SET first_response_due_at = now() - interval '1 minute' WHERE id = ANY($1::uuid[])`, [
      [id, unassigned],
    ]);
    const before = await row(id);

    await jobs.breachSla();
    const after = await row(id);
    expect(after.slaBreachedAt).not.toBeNull();
    expect(after.version).toBe(before.version + 1);
    expect((await row(unassigned)).slaBreachedAt).not.toBeNull();
    expect((await row(notDue)).slaBreachedAt).toBeNull();
    expect(await ticketEvents(id, 'sla_breached')).toEqual([
      { actorId: null, data: { dueAt: before.dueAt!.toISOString(), priority: 'normal' } },
    ]);

    await t.app.get(EventRelay).flush();
    await expect
      .poll(() => teamSocket.find((g) => g.name === 'sla.breached' && g.data.ticketId === id)?.data)
      .toEqual({ ticketId: id, teamId: general.id, dueAt: before.dueAt!.toISOString() });
    await expect
      .poll(
        () =>
          teamSocket.find(
            (g) => g.name === 'ticket.updated' && g.data.ticketId === id && g.data.changed.includes('slaBreachedAt'),
          )?.data.ticket.slaBreachedAt,
      )
      .toBe(after.slaBreachedAt!.toISOString());
    await expect
      .poll(() => mine.find((g) => g.data.kind === 'sla_breached')?.data)
      .toMatchObject({
        kind: 'sla_breached',
        ticketId: id,
        actorId: null,
        text: `Ticket #${before.number} missed its first-response target`,
      });
    // Nobody is assigned: nobody is notified (the team and managers see sla.breached).
    expect(await sql('SELECT 1 FROM notifications WHERE ticket_id = $1', [unassigned])).toEqual([]);
    expect(teamSocket.some((g) => g.name === 'sla.breached' && g.data.ticketId === unassigned)).toBe(true);

    // Once only.
    await jobs.breachSla();
    expect(await ticketEvents(id, 'sla_breached')).toHaveLength(1);
    expect(await sql(`SELECT 1 FROM notifications WHERE ticket_id = $1 AND kind = 'sla_breached'`, [id])).toHaveLength(
      1,
    );
  });

  it('does not breach a ticket that was answered, resolved or closed', async () => {
    const answered = await newTicket();
    const resolved = await newTicket();
    await sql(
      `UPDATE tickets SET first_response_due_at = now() - interval '1 hour', first_responded_at = now() WHERE id = $1`,
      [answered],
    );
    await sql(
      `UPDATE tickets SET first_response_due_at = now() - interval '1 hour', status = 'resolved', resolved_at = now()
        WHERE id = $1`,
      [resolved],
    );
    await jobs.breachSla();
    expect((await row(answered)).slaBreachedAt).toBeNull();
    expect((await row(resolved)).slaBreachedAt).toBeNull();
  });

  it('wakes a snoozed ticket whose time has come, and leaves one that still sleeps', async () => {
    const teammate = await teamAgent(admin, general.id);
    const got = await listen(teammate.client, ['ticket.updated']);
    const due = await newTicket();
    const later = await newTicket();
    await sql(`UPDATE tickets SET status = 'snoozed', snoozed_until = now() - interval '1 second' WHERE id = $1`, [
      due,
    ]);
    await sql(`UPDATE tickets SET status = 'snoozed', snoozed_until = now() + interval '1 hour' WHERE id = $1`, [
      later,
    ]);

    await jobs.wakeSnoozed();
    expect(await row(due)).toMatchObject({ status: 'open', snoozedUntil: null });
    expect((await row(later)).status).toBe('snoozed');
    expect(await ticketEvents(due, 'status_changed')).toEqual([
      { actorId: null, data: { from: 'snoozed', to: 'open', reason: 'snooze_ended' } },
    ]);
    await t.app.get(EventRelay).flush();
    await expect
      .poll(() => got.find((g) => g.data.ticketId === due)?.data)
      .toMatchObject({ changed: expect.arrayContaining(['status', 'snoozedUntil']), ticket: { status: 'open' } });
    expect(got.some((g) => g.data.ticketId === later)).toBe(false);
  });

  it('closes a ticket resolved 8 days ago, not one resolved 6 days ago', async () => {
    const old = await newTicket();
    const recent = await newTicket();
    await sql(`UPDATE tickets SET status = 'resolved', resolved_at = now() - interval '8 days' WHERE id = $1`, [old]);
    await sql(`UPDATE tickets SET status = 'resolved', resolved_at = now() - interval '6 days' WHERE id = $1`, [
      recent,
    ]);

    await jobs.autoClose();
    const closed = await row(old);
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    expect((await row(recent)).status).toBe('resolved');
    expect(await ticketEvents(old, 'status_changed')).toEqual([
      { actorId: null, data: { from: 'resolved', to: 'closed', reason: 'auto_close' } },
    ]);
  });

  it('runs as a queued job (what the 15 s schedule enqueues on every instance)', async () => {
    const id = await newTicket();
    await sql(`UPDATE tickets SET status = 'resolved', resolved_at = now() - interval '30 days' WHERE id = $1`, [id]);
    expect(await t.app.get(JobsService).runNow(TICKET_TIMERS_JOB)).toBeTruthy();
    await expect.poll(async () => (await row(id)).status, { timeout: 15_000 }).toBe('closed');
  });
});
