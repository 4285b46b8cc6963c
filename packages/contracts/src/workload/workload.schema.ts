import { z } from 'zod';
import { AvailabilitySchema, RoleSchema } from '../common/common.schema.js';
import type { TicketStatus } from '../ticket/ticket.schema.js';

/**
 * What counts as an agent's open ticket (workload, team members): the active statuses plus `snoozed`, which is
 * parked but still theirs to finish.
 */
export const OPEN_TICKET_STATUSES = ['new', 'open', 'pending', 'snoozed'] as const satisfies readonly TicketStatus[];

/** `GET /api/workload?teamId=` (managers, admins): who carries what right now. */
export const WorkloadQuerySchema = z.object({ teamId: z.uuid().optional() });

export const WorkloadAgentSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  role: RoleSchema,
  availability: AvailabilitySchema,
  capacity: z.number().int(),
  /** Tickets assigned to them in `OPEN_TICKET_STATUSES`. */
  openTickets: z.number().int(),
  /** The longest a customer has been waiting on one of their open tickets, and which. */
  oldestWaitingSince: z.iso.datetime({ offset: true }).nullable(),
  oldestWaitingTicketId: z.uuid().nullable(),
  oldestWaitingTicketNumber: z.number().int().nullable(),
  teamIds: z.array(z.uuid()),
});
export type WorkloadAgent = z.infer<typeof WorkloadAgentSchema>;

export const WorkloadTeamSchema = z.object({
  teamId: z.uuid(),
  name: z.string(),
  assignmentMode: z.enum(['manual', 'round_robin', 'balanced']),
  /** Open tickets (`OPEN_TICKET_STATUSES`) of the team nobody has been assigned. */
  unassigned: z.number().int(),
  /** When the oldest of them was created. */
  oldestUnassignedSince: z.iso.datetime({ offset: true }).nullable(),
});
export type WorkloadTeam = z.infer<typeof WorkloadTeamSchema>;

export const WorkloadSchema = z.object({
  agents: z.array(WorkloadAgentSchema),
  teams: z.array(WorkloadTeamSchema),
});
export type Workload = z.infer<typeof WorkloadSchema>;
