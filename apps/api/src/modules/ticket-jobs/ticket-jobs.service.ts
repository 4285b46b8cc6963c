import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { JobsService } from '../../jobs/jobs.service.js';
import { AssignmentService } from '../assignment/assignment.service.js';
import { EventLog, event, type PendingEvent } from '../event/event-log.service.js';
import { NotificationWriter, type NewNotification } from '../notification/notification-writer.js';
import { TicketRepository, type TicketEventInput, type TicketRow } from '../ticket/ticket.repository.js';
import { ticketRooms } from '../ticket/ticket-rooms.js';
import { TicketWriter, type TicketChange } from '../ticket/ticket-writer.js';
import { TicketJobsRepository } from './ticket-jobs.repository.js';

export const TICKET_TIMERS_JOB = 'ticket.timers';
const TICK_MS = 15_000;
const BATCH = 200;
/** Batches per step and run; what is left waits for the next run so one step cannot starve the others. */
const MAX_BATCHES = 25;

/** One timer: which tickets are due, what it changes, and what each changed ticket records. */
interface TimerStep {
  /** Locks up to `limit` due tickets, SKIP LOCKED. */
  due(em: EntityManager, limit: number): Promise<TicketRow[]>;
  /** Changes the locked tickets; returns them as they are now. */
  change(em: EntityManager, ids: string[]): Promise<TicketRow[]>;
  /** The ticket fields the change touches (`ticket.updated`'s `changed`). */
  fields: string[];
  /** Each changed ticket's system TicketEvent. */
  ticketEvent(t: TicketRow): Pick<TicketEventInput, 'type' | 'data'>;
  /** A live event per changed ticket, queued before its `ticket.updated`. */
  live?(t: TicketRow): PendingEvent;
  /** More work in the batch's transaction, after the announcements. */
  then?(em: EntityManager, changed: TicketRow[], events: PendingEvent[]): Promise<void>;
}

/**
 * Ticket timers (SPEC §3, §5): first-response SLA breaches, snoozes that end, resolved tickets that close after
 * 7 days, and a sweep of waiting tickets onto members with free capacity. Runs every 15 s, one run at a time
 * across instances (`JobsService.tick`); each batch is one transaction over rows locked with SKIP LOCKED, with its events in the log.
 */
@Injectable()
export class TicketJobsService {
  private readonly logger = new Logger('TicketJobs');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: TicketJobsRepository,
    private readonly tickets: TicketRepository,
    private readonly writer: TicketWriter,
    private readonly notifications: NotificationWriter,
    private readonly assignment: AssignmentService,
    private readonly log: EventLog,
    jobs: JobsService,
  ) {
    jobs.tick(TICKET_TIMERS_JOB, TICK_MS, { expireInSeconds: 300, pollingIntervalSeconds: 5 }, () => this.runAll());
  }

  /** One run of every step; a failing step is logged with its name and does not stop the others. */
  async runAll(): Promise<void> {
    const steps: [string, () => Promise<number>][] = [
      ['sla breaches', () => this.breachSla()],
      ['snooze wake-ups', () => this.wakeSnoozed()],
      ['auto-close', () => this.autoClose()],
      ['waiting tickets', () => this.assignWaiting()],
      ['counter folding', () => this.repo.foldCounters(this.ds)],
    ];
    for (const [name, step] of steps) {
      try {
        await step();
      } catch (err) {
        this.logger.error({ err, step: name }, 'ticket timer step failed');
      }
    }
  }

  /**
   * Marks overdue first responses: `sla_breached_at`, an `sla_breached` TicketEvent, `sla.breached` and
   * `ticket.updated` live, and an `sla_breached` notification to the assignee (an unassigned ticket notifies
   * nobody: its team and managers see `sla.breached` on their sockets). Returns how many were marked.
   */
  breachSla(): Promise<number> {
    const dueAt = (t: TicketRow) => (t.firstResponseDueAt ?? t.slaBreachedAt ?? new Date()).toISOString();
    return this.inBatches({
      due: (em, limit) => this.repo.dueBreaches(em, limit),
      change: (em, ids) => this.repo.markBreached(em, ids),
      fields: ['slaBreachedAt'],
      ticketEvent: (t) => ({ type: 'sla_breached', data: { dueAt: dueAt(t), priority: t.priority } }),
      live: (t) => event('sla.breached', ticketRooms(t), { ticketId: t.id, teamId: t.teamId, dueAt: dueAt(t) }),
      then: async (em, changed, events) => {
        const notes = changed.flatMap((t): NewNotification[] =>
          t.assigneeId
            ? [
                {
                  userId: t.assigneeId,
                  kind: 'sla_breached',
                  ticketId: t.id,
                  actorId: null,
                  text: `Ticket #${t.number} missed its first-response target`,
                },
              ]
            : [],
        );
        await this.notifications.notify(em, notes, events);
      },
    });
  }

  /** Snoozed tickets whose time has come go back to `open`; unassigned ones join their team's waiting queue. */
  wakeSnoozed(): Promise<number> {
    return this.inBatches({
      due: (em, limit) => this.repo.dueSnoozes(em, limit),
      change: (em, ids) => this.repo.wake(em, ids),
      fields: ['status', 'snoozedUntil'],
      ticketEvent: () => ({ type: 'status_changed', data: { from: 'snoozed', to: 'open', reason: 'snooze_ended' } }),
      then: async (em, changed, events) => {
        const teamIds = [...new Set(changed.filter((t) => !t.assigneeId).map((t) => t.teamId))];
        await this.assignment.assignWaiting(em, { teamIds }, events);
      },
    });
  }

  /** `resolved` for 7 days → `closed` (SPEC §3). */
  autoClose(): Promise<number> {
    return this.inBatches({
      due: (em, limit) => this.repo.dueAutoClose(em, limit),
      change: (em, ids) => this.repo.close(em, ids),
      fields: ['status', 'closedAt'],
      ticketEvent: () => ({ type: 'status_changed', data: { from: 'resolved', to: 'closed', reason: 'auto_close' } }),
    });
  }

  /**
   * Waiting tickets of every auto-assigning team onto members with room: covers capacity freed by any path
   * (a resolve, a manager's reassignment, a capacity raise) and tickets a busy member lock made wait.
   */
  async assignWaiting(): Promise<number> {
    await this.ds.transaction(async (em) => {
      const events: PendingEvent[] = [];
      await this.assignment.assignAllWaiting(em, events);
      await this.log.record(em, events);
    });
    return 0;
  }

  /**
   * Runs a timer batch by batch, each batch one transaction: lock the due tickets (SKIP LOCKED), change them,
   * write a system TicketEvent each, and announce them (its own live events first, then `ticket.updated`), all
   * with the live events in the log. Returns how many tickets changed.
   */
  private async inBatches(step: TimerStep): Promise<number> {
    let total = 0;
    for (let i = 0; i < MAX_BATCHES; i++) {
      const n = await this.ds.transaction(async (em) => {
        const events: PendingEvent[] = [];
        const count = await this.batch(em, step, events);
        await this.log.record(em, events);
        return count;
      });
      total += n;
      if (n < BATCH) break;
    }
    return total;
  }

  private async batch(em: EntityManager, step: TimerStep, events: PendingEvent[]): Promise<number> {
    const due = await step.due(em, BATCH);
    if (!due.length) return 0;
    const changed = await step.change(
      em,
      due.map((t) => t.id),
    );
    for (const t of changed) if (step.live) events.push(step.live(t));
    const old = new Map(due.map((t) => [t.id, t]));
    const changes: TicketChange[] = changed.map((t) => ({
      before: old.get(t.id) ?? t,
      after: t,
      changed: step.fields,
    }));
    await this.tickets.addEvents(
      em,
      changed.map((t) => ({ ticketId: t.id, actorId: null, ...step.ticketEvent(t) })),
    );
    await this.writer.announce(em, changes, events);
    await step.then?.(em, changed, events);
    return changed.length;
  }
}
