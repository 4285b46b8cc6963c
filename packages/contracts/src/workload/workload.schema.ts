import { z } from 'zod';
import { AvailabilitySchema, RoleSchema } from '../common/common.schema.js';

/** `GET /api/workload?teamId=` (managers, admins): who carries what right now. */
export const WorkloadQuerySchema = z.object({ teamId: z.uuid().optional() });

export const WorkloadAgentSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  role: RoleSchema,
  availability: AvailabilitySchema,
  capacity: z.number().int(),
  /** Assigned tickets in an active status (new, open, pending, snoozed). */
  openTickets: z.number().int(),
  /** The longest a customer has been waiting on one of their tickets, and which. */
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
  /** Active tickets of the team nobody has been assigned. */
  unassigned: z.number().int(),
  oldestUnassignedSince: z.iso.datetime({ offset: true }).nullable(),
});
export type WorkloadTeam = z.infer<typeof WorkloadTeamSchema>;

export const WorkloadSchema = z.object({
  agents: z.array(WorkloadAgentSchema),
  teams: z.array(WorkloadTeamSchema),
});
export type Workload = z.infer<typeof WorkloadSchema>;
