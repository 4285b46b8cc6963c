import {
  ACTIVE_STATUSES,
  STATUS_TRANSITIONS,
  type Role,
  type SlaState,
  type TicketPriority,
  type TicketStatus,
} from '@dengar/contracts';
import type { TicketRow } from './ticket.repository.js';

/** What a person may change on one ticket (PATCH and every ticket of a bulk action). */
export interface ChangeRequest {
  status?: TicketStatus;
  priority?: TicketPriority;
  teamId?: string;
  assigneeId?: string | null;
  snoozedUntil?: string | null;
}

export interface ChangeContext {
  actor: { userId: string; role: Role };
  /** Teams the actor belongs to. */
  actorTeamIds: ReadonlySet<string>;
  now: Date;
  requireOutcomeTag: boolean;
  /** Whether the ticket carries an outcome tag once this request's own tag changes are applied. */
  hasOutcomeTag: boolean;
}

/** `forbidden` → 403, `rule` → 422, `invalid` → 400 naming `field`. */
export interface Violation {
  kind: 'forbidden' | 'rule' | 'invalid';
  message: string;
  field?: string;
  details?: Record<string, unknown>;
}

export interface PlannedEvent {
  type: 'status_changed' | 'priority_changed' | 'assigned' | 'routed';
  data: Record<string, unknown>;
}

export interface ChangePlan {
  /** Columns to write (snake_case); empty when nothing changes. */
  set: Record<string, unknown>;
  /** SPEC §7 field names. */
  changed: string[];
  events: PlannedEvent[];
  after: { status: TicketStatus; priority: TicketPriority; teamId: string; assigneeId: string | null };
}

export type PlanResult = { ok: true; plan: ChangePlan } | { ok: false; violation: Violation };

export type PlannedTicket = Pick<TicketRow, 'status' | 'priority' | 'teamId' | 'assigneeId' | 'snoozedUntil'>;

const MANAGER_ROLES: readonly Role[] = ['admin', 'manager'];
const isActive = (s: TicketStatus) => (ACTIVE_STATUSES as readonly TicketStatus[]).includes(s);

export const canTransition = (from: TicketStatus, to: TicketStatus) => STATUS_TRANSITIONS[from].includes(to);

/**
 * The rules of SPEC §3/§9 for one ticket, as a pure function so PATCH and bulk apply exactly the same ones.
 * Checks that need the database (team exists, assignee active) and the version check happen before this.
 */
export function planChange(before: PlannedTicket, req: ChangeRequest, ctx: ChangeContext): PlanResult {
  const manager = MANAGER_ROLES.includes(ctx.actor.role);
  const fail = (v: Violation): PlanResult => ({ ok: false, violation: v });

  // Status: one transition table (STYLE rule 7).
  let status = before.status;
  if (req.status !== undefined && req.status !== before.status) {
    if (!canTransition(before.status, req.status)) {
      return fail({
        kind: 'rule',
        message: `cannot change status from ${before.status} to ${req.status}`,
        details: { from: before.status, to: req.status },
      });
    }
    if (req.status === 'closed' && !manager) {
      return fail({ kind: 'forbidden', message: 'Only managers and admins close tickets' });
    }
    status = req.status;
  }

  // A snooze needs a wake-up time in the future; outside `snoozed` there is none.
  let snoozedUntil: Date | null = before.snoozedUntil;
  if (status === 'snoozed') {
    const entering = before.status !== 'snoozed';
    if (req.snoozedUntil === null || (entering && req.snoozedUntil === undefined)) {
      return fail({ kind: 'invalid', field: 'snoozedUntil', message: 'is required with status snoozed' });
    }
    if (req.snoozedUntil !== undefined) {
      const until = new Date(req.snoozedUntil);
      if (!(until.getTime() > ctx.now.getTime())) {
        return fail({ kind: 'invalid', field: 'snoozedUntil', message: 'must be in the future' });
      }
      snoozedUntil = until;
    }
  } else {
    if (req.snoozedUntil !== undefined && req.snoozedUntil !== null) {
      return fail({ kind: 'invalid', field: 'snoozedUntil', message: 'is only allowed with status snoozed' });
    }
    snoozedUntil = null;
  }

  if (status === 'resolved' && before.status !== 'resolved' && ctx.requireOutcomeTag && !ctx.hasOutcomeTag) {
    return fail({
      kind: 'rule',
      message: 'an outcome tag is required to resolve',
      details: { missingTagKind: 'outcome' },
    });
  }

  // Assignee: managers assign anyone; others only claim or let go of their own (SPEC §9).
  let assigneeId = before.assigneeId;
  if (req.assigneeId !== undefined && req.assigneeId !== before.assigneeId) {
    if (!manager) {
      const claim =
        req.assigneeId === ctx.actor.userId && before.assigneeId === null && ctx.actorTeamIds.has(before.teamId);
      const release = req.assigneeId === null && before.assigneeId === ctx.actor.userId;
      if (!claim && !release) {
        return fail({
          kind: 'forbidden',
          message: 'Agents may only claim unassigned tickets of their teams or unassign themselves',
        });
      }
    }
    assigneeId = req.assigneeId;
  }

  let teamId = before.teamId;
  if (req.teamId !== undefined && req.teamId !== before.teamId) {
    if (!manager) return fail({ kind: 'forbidden', message: 'Only managers and admins move tickets between teams' });
    teamId = req.teamId;
  }

  const priority = req.priority ?? before.priority;

  // Someone taking a new ticket starts work on it (SPEC §3: new → open when someone is assigned).
  if (status === 'new' && assigneeId !== null && assigneeId !== before.assigneeId) status = 'open';

  const set: Record<string, unknown> = {};
  const changed: string[] = [];
  const events: PlannedEvent[] = [];
  if (teamId !== before.teamId) {
    set.team_id = teamId;
    changed.push('teamId');
    events.push({ type: 'routed', data: { teamId, previousTeamId: before.teamId, reason: 'manual' } });
  }
  if (assigneeId !== before.assigneeId) {
    set.assignee_id = assigneeId;
    changed.push('assigneeId');
    events.push({ type: 'assigned', data: { assigneeId, previousAssigneeId: before.assigneeId } });
  }
  if (status !== before.status) {
    set.status = status;
    changed.push('status');
    events.push({ type: 'status_changed', data: { from: before.status, to: status } });
    if (status === 'resolved') set.resolved_at = ctx.now;
    else if (before.status === 'resolved' && status !== 'closed') set.resolved_at = null;
    if (status === 'closed') set.closed_at = ctx.now;
  }
  if ((snoozedUntil?.getTime() ?? null) !== (before.snoozedUntil?.getTime() ?? null)) {
    set.snoozed_until = snoozedUntil;
    changed.push('snoozedUntil');
  }
  if (priority !== before.priority) {
    set.priority = priority;
    changed.push('priority');
    events.push({ type: 'priority_changed', data: { from: before.priority, to: priority } });
  }
  return { ok: true, plan: { set, changed, events, after: { status, priority, teamId, assigneeId } } };
}

/**
 * What a change means for capacity-aware assignment (SPEC §5): a previous assignee with a ticket fewer to work
 * on may take waiting ones; a ticket that starts waiting unassigned may go to someone of its team.
 */
export function capacityEffects(
  before: Pick<TicketRow, 'status' | 'teamId' | 'assigneeId'>,
  after: { status: TicketStatus; teamId: string; assigneeId: string | null },
): { freedUserId: string | null; waitingTeamId: string | null } {
  const heldBefore = before.assigneeId !== null && isActive(before.status);
  const stillHeld = after.assigneeId === before.assigneeId && isActive(after.status);
  const freedUserId = heldBefore && !stillHeld ? before.assigneeId : null;
  const waitingBefore = before.assigneeId === null && isActive(before.status);
  const waitingAfter = after.assigneeId === null && isActive(after.status);
  const waitingTeamId = waitingAfter && !(waitingBefore && before.teamId === after.teamId) ? after.teamId : null;
  return { freedUserId, waitingTeamId };
}

/** The first-response clock as the inbox shows it (SPEC §5). */
export function slaState(
  t: Pick<TicketRow, 'firstResponseDueAt' | 'firstRespondedAt' | 'slaBreachedAt'>,
  now: Date,
): SlaState {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  const base = {
    dueAt: iso(t.firstResponseDueAt),
    respondedAt: iso(t.firstRespondedAt),
    breachedAt: iso(t.slaBreachedAt),
  };
  const due = t.firstResponseDueAt;
  if (!due) return { state: 'none', ...base };
  if (t.slaBreachedAt) return { state: 'breached', ...base };
  if (t.firstRespondedAt) return { state: t.firstRespondedAt <= due ? 'met' : 'breached', ...base };
  return { state: now > due ? 'breached' : 'due', ...base };
}
