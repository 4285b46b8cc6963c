import type { Workload, WorkloadAgent, WorkloadTeam } from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import { NotFoundException } from '../../common/app.exception.js';
import { WorkloadRepository, type AgentLoadRow, type TeamQueueRow } from './workload.repository.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

const toAgent = (r: AgentLoadRow): WorkloadAgent => ({
  userId: r.userId,
  name: r.name,
  role: r.role,
  availability: r.availability,
  capacity: r.capacity,
  openTickets: r.openTickets,
  oldestWaitingSince: iso(r.oldestWaitingSince),
  oldestWaitingTicketId: r.oldestWaitingTicketId,
  oldestWaitingTicketNumber: r.oldestWaitingTicketNumber,
  teamIds: r.teamIds,
});

const toTeam = (r: TeamQueueRow): WorkloadTeam => ({
  teamId: r.teamId,
  name: r.name,
  assignmentMode: r.assignmentMode,
  unassigned: r.unassigned,
  oldestUnassignedSince: iso(r.oldestUnassignedSince),
});

/** Managers and admins only (the controller says so): the numbers span every ticket, not the caller's view. */
@Injectable()
export class WorkloadService {
  constructor(private readonly workload: WorkloadRepository) {}

  async get(teamId?: string): Promise<Workload> {
    const teams = await this.workload.teams(teamId);
    if (teamId && !teams.length) throw new NotFoundException('Team');
    const agents = await this.workload.agents(teamId);
    return { agents: agents.map(toAgent), teams: teams.map(toTeam) };
  }
}
