import { z } from 'zod';
import { AvailabilitySchema, PageQuerySchema, RoleSchema, pageOf } from '../common/common.schema.js';

export const ASSIGNMENT_MODES = ['manual', 'round_robin', 'balanced'] as const;
export const AssignmentModeSchema = z.enum(ASSIGNMENT_MODES);
export type AssignmentMode = z.infer<typeof AssignmentModeSchema>;

export const DEFAULT_TEAM_NAME = 'General';

export const TeamSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  assignmentMode: AssignmentModeSchema,
  isDefault: z.boolean(),
  memberCount: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Team = z.infer<typeof TeamSchema>;

const TeamNameSchema = z.string().trim().min(1, 'must not be empty').max(80);

export const CreateTeamRequestSchema = z.strictObject({
  name: TeamNameSchema,
  assignmentMode: AssignmentModeSchema.optional(),
});
export type CreateTeamRequest = z.infer<typeof CreateTeamRequestSchema>;

export const UpdateTeamRequestSchema = z
  .strictObject({
    name: TeamNameSchema.optional(),
    assignmentMode: AssignmentModeSchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one field must be given' });
export type UpdateTeamRequest = z.infer<typeof UpdateTeamRequestSchema>;

export const ListTeamsQuerySchema = PageQuerySchema;

export const TeamPageSchema = pageOf(TeamSchema);

export const AddTeamMemberRequestSchema = z.strictObject({ userId: z.uuid() });
export type AddTeamMemberRequest = z.infer<typeof AddTeamMemberRequestSchema>;

export const TeamMemberParamsSchema = z.object({ id: z.uuid(), userId: z.uuid() });

export const TeamMemberSchema = z.object({
  teamId: z.uuid(),
  userId: z.uuid(),
  name: z.string(),
  email: z.email(),
  role: RoleSchema,
  availability: AvailabilitySchema,
  capacity: z.number().int(),
  /** Their open tickets (`OPEN_TICKET_STATUSES`) in any team. */
  openTickets: z.number().int(),
  joinedAt: z.iso.datetime({ offset: true }),
});
export type TeamMember = z.infer<typeof TeamMemberSchema>;
export const TeamMemberPageSchema = pageOf(TeamMemberSchema);
