import type { Role, TicketStatus } from '@dengar/contracts';
import { describe, expect, it } from 'vitest';
import {
  capacityEffects,
  planChange,
  slaState,
  type ChangeContext,
  type ChangeRequest,
  type PlannedTicket,
} from './ticket-status.js';

const ME = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const TEAM_A = '00000000-0000-4000-8000-00000000000a';
const TEAM_B = '00000000-0000-4000-8000-00000000000b';
const NOW = new Date('2030-01-01T12:00:00Z');

const ticket = (over: Partial<PlannedTicket> = {}): PlannedTicket => ({
  status: 'open',
  priority: 'normal',
  teamId: TEAM_A,
  assigneeId: null,
  snoozedUntil: null,
  ...over,
});

const ctx = (role: Role = 'agent', over: Partial<ChangeContext> = {}): ChangeContext => ({
  actor: { userId: ME, role },
  actorTeamIds: new Set([TEAM_A]),
  now: NOW,
  requireOutcomeTag: false,
  hasOutcomeTag: false,
  ...over,
});

const plan = (t: PlannedTicket, req: ChangeRequest, c = ctx()) => {
  const r = planChange(t, req, c);
  if (!r.ok) throw new Error(`unexpected violation: ${r.violation.message}`);
  return r.plan;
};
const violation = (t: PlannedTicket, req: ChangeRequest, c = ctx()) => {
  const r = planChange(t, req, c);
  if (r.ok) throw new Error('expected a violation');
  return r.violation;
};

describe('planChange: status', () => {
  it.each<[TicketStatus, TicketStatus]>([
    ['new', 'open'],
    ['open', 'pending'],
    ['pending', 'open'],
    ['open', 'resolved'],
    ['resolved', 'open'],
    ['snoozed', 'open'],
  ])('allows %s → %s with one status_changed event', (from, to) => {
    const p = plan(ticket({ status: from, snoozedUntil: from === 'snoozed' ? NOW : null }), { status: to });
    expect(p.set.status).toBe(to);
    expect(p.changed).toContain('status');
    expect(p.events).toEqual([{ type: 'status_changed', data: { from, to } }]);
  });

  it.each<[TicketStatus, TicketStatus]>([
    ['new', 'pending'],
    ['open', 'new'],
    ['closed', 'open'],
    ['snoozed', 'pending'],
    ['open', 'closed'],
  ])('refuses %s → %s naming both', (from, to) => {
    const v = violation(ticket({ status: from }), { status: to }, ctx('manager'));
    expect(v).toMatchObject({ kind: 'rule', details: { from, to } });
    expect(v.message).toContain(`from ${from} to ${to}`);
  });

  it('lets only managers and admins close a resolved ticket, stamping closedAt', () => {
    expect(violation(ticket({ status: 'resolved' }), { status: 'closed' }).kind).toBe('forbidden');
    const p = plan(ticket({ status: 'resolved' }), { status: 'closed' }, ctx('admin'));
    expect(p.set).toMatchObject({ status: 'closed', closed_at: NOW });
  });

  it('stamps resolvedAt on resolve and clears it on reopen', () => {
    expect(plan(ticket(), { status: 'resolved' }).set.resolved_at).toEqual(NOW);
    expect(plan(ticket({ status: 'resolved' }), { status: 'open' }).set).toHaveProperty('resolved_at', null);
  });

  it('treats the current status as no change', () => {
    expect(plan(ticket({ status: 'pending' }), { status: 'pending' }).set).toEqual({});
  });

  it('requires an outcome tag to resolve when the workspace says so', () => {
    const c = ctx('agent', { requireOutcomeTag: true });
    expect(violation(ticket(), { status: 'resolved' }, c)).toMatchObject({
      kind: 'rule',
      message: 'an outcome tag is required to resolve',
      details: { missingTagKind: 'outcome' },
    });
    expect(plan(ticket(), { status: 'resolved' }, { ...c, hasOutcomeTag: true }).set.status).toBe('resolved');
    expect(plan(ticket(), { status: 'pending' }, c).set.status).toBe('pending');
  });
});

describe('planChange: snooze', () => {
  const later = new Date(NOW.getTime() + 3_600_000).toISOString();
  it('needs a future snoozedUntil to snooze', () => {
    expect(violation(ticket(), { status: 'snoozed' })).toMatchObject({ kind: 'invalid', field: 'snoozedUntil' });
    expect(violation(ticket(), { status: 'snoozed', snoozedUntil: NOW.toISOString() })).toMatchObject({
      field: 'snoozedUntil',
      message: 'must be in the future',
    });
    const p = plan(ticket(), { status: 'snoozed', snoozedUntil: later });
    expect(p.set).toMatchObject({ status: 'snoozed', snoozed_until: new Date(later) });
    expect(p.changed).toEqual(['status', 'snoozedUntil']);
  });

  it('moves the wake-up of a snoozed ticket, and clears it when the ticket wakes', () => {
    const snoozed = ticket({ status: 'snoozed', snoozedUntil: new Date(later) });
    const further = new Date(NOW.getTime() + 7_200_000).toISOString();
    expect(plan(snoozed, { snoozedUntil: further }).set).toEqual({ snoozed_until: new Date(further) });
    expect(plan(snoozed, { status: 'open' }).set).toEqual({ status: 'open', snoozed_until: null });
  });

  it('refuses snoozedUntil on a ticket that is not snoozed', () => {
    expect(violation(ticket(), { snoozedUntil: later }).field).toBe('snoozedUntil');
  });
});

describe('planChange: assignee and team', () => {
  it('lets an agent claim an unassigned ticket of their team (new → open) and let go of their own', () => {
    const p = plan(ticket({ status: 'new' }), { assigneeId: ME });
    expect(p.set).toEqual({ assignee_id: ME, status: 'open' });
    expect(p.events).toEqual([
      { type: 'assigned', data: { assigneeId: ME, previousAssigneeId: null } },
      { type: 'status_changed', data: { from: 'new', to: 'open' } },
    ]);
    expect(plan(ticket({ assigneeId: ME }), { assigneeId: null }).set).toEqual({ assignee_id: null });
  });

  it.each([
    ['someone else', ticket(), OTHER],
    ['an assigned ticket', ticket({ assigneeId: OTHER }), ME],
    ['another team’s ticket', ticket({ teamId: TEAM_B }), ME],
    ['unassigning someone else', ticket({ assigneeId: OTHER }), null],
  ])('refuses an agent assigning %s', (_label, t, assigneeId) => {
    expect(violation(t, { assigneeId }).kind).toBe('forbidden');
    expect(violation(t, { assigneeId }, ctx('marketing')).kind).toBe('forbidden');
  });

  it('lets managers assign anyone and move teams, with routed and assigned events', () => {
    const p = plan(ticket({ assigneeId: ME }), { assigneeId: OTHER, teamId: TEAM_B }, ctx('manager'));
    expect(p.set).toEqual({ team_id: TEAM_B, assignee_id: OTHER });
    expect(p.changed).toEqual(['teamId', 'assigneeId']);
    expect(p.events.map((e) => e.type)).toEqual(['routed', 'assigned']);
    expect(p.events[0]!.data).toMatchObject({ teamId: TEAM_B, reason: 'manual' });
  });

  it('refuses a team change by an agent', () => {
    expect(violation(ticket(), { teamId: TEAM_B }).kind).toBe('forbidden');
    expect(plan(ticket(), { teamId: TEAM_A }).set).toEqual({});
  });

  it('records a priority change', () => {
    const p = plan(ticket(), { priority: 'urgent' });
    expect(p.set).toEqual({ priority: 'urgent' });
    expect(p.events).toEqual([{ type: 'priority_changed', data: { from: 'normal', to: 'urgent' } }]);
  });
});

describe('capacityEffects', () => {
  const held = { status: 'open' as const, teamId: TEAM_A, assigneeId: ME };
  it('frees the previous assignee when the ticket leaves active statuses or changes hands', () => {
    expect(capacityEffects(held, { ...held, status: 'resolved' }).freedUserId).toBe(ME);
    expect(capacityEffects(held, { ...held, assigneeId: OTHER }).freedUserId).toBe(ME);
    expect(capacityEffects(held, { ...held, status: 'pending' }).freedUserId).toBeNull();
    expect(capacityEffects({ ...held, status: 'snoozed' }, { ...held, status: 'resolved' }).freedUserId).toBeNull();
  });

  it('names the team of a ticket that starts waiting unassigned', () => {
    expect(capacityEffects(held, { ...held, assigneeId: null }).waitingTeamId).toBe(TEAM_A);
    const waiting = { ...held, assigneeId: null };
    expect(capacityEffects(waiting, waiting).waitingTeamId).toBeNull();
    expect(capacityEffects(waiting, { ...waiting, teamId: TEAM_B }).waitingTeamId).toBe(TEAM_B);
    expect(capacityEffects({ ...waiting, status: 'resolved' }, waiting).waitingTeamId).toBe(TEAM_A);
  });
});

describe('slaState', () => {
  const due = new Date('2030-01-01T13:00:00Z');
  const t = { firstResponseDueAt: due, firstRespondedAt: null, slaBreachedAt: null };
  it('tells none, due, met and breached apart', () => {
    expect(slaState({ ...t, firstResponseDueAt: null }, NOW).state).toBe('none');
    expect(slaState(t, NOW)).toEqual({ state: 'due', dueAt: due.toISOString(), respondedAt: null, breachedAt: null });
    expect(slaState({ ...t, firstRespondedAt: NOW }, NOW).state).toBe('met');
    expect(slaState({ ...t, firstRespondedAt: new Date('2030-01-01T14:00:00Z') }, NOW).state).toBe('breached');
    expect(slaState({ ...t, slaBreachedAt: due }, NOW).state).toBe('breached');
    expect(slaState(t, new Date('2030-01-01T13:00:01Z')).state).toBe('breached');
  });
});
