import type { Role } from '@dengar/contracts';

/** What each role may open or change in the web app (SPEC §1); the API enforces the same rules. */
export const can = {
  seeInsights: (role: Role) => role !== 'agent',
  openSettings: (role: Role) => role === 'admin' || role === 'manager',
  viewUsers: (role: Role) => role === 'admin' || role === 'manager',
  /** Everything about a user; managers may only set `capacity`. */
  editUsers: (role: Role) => role === 'admin',
  editCapacity: (role: Role) => role === 'admin' || role === 'manager',
  manageTeams: (role: Role) => role === 'admin' || role === 'manager',
  /** Routing rules, SLA targets, tags, canned responses, workload. */
  manageCare: (role: Role) => role === 'admin' || role === 'manager',
  seeAllTickets: (role: Role) => role === 'admin' || role === 'manager',
} as const;
