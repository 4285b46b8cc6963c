import type { AssignmentMode } from '@dengar/contracts';

/** An online, active member of a team that auto-assigns, as the policy weighs them. */
export interface Candidate {
  userId: string;
  capacity: number;
  /** Active tickets (new, open, pending) assigned to them in any team. */
  load: number;
  /** When this team last handed them a ticket (ms since epoch); null: never. */
  lastAssignedAt: number | null;
}

export type AutoMode = Exclude<AssignmentMode, 'manual'>;

export const isAutoMode = (mode: AssignmentMode): mode is AutoMode => mode !== 'manual';

/** Nulls first (never assigned is the longest ago), then oldest first. */
const byLastAssigned = (a: Candidate, b: Candidate): number => {
  if (a.lastAssignedAt === b.lastAssignedAt) return 0;
  if (a.lastAssignedAt === null) return -1;
  if (b.lastAssignedAt === null) return 1;
  return a.lastAssignedAt - b.lastAssignedAt;
};

const byUserId = (a: Candidate, b: Candidate): number => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);

/**
 * Who gets the next ticket (SPEC §5): only members under their capacity; `round_robin` the one whose turn
 * came longest ago, `balanced` the one with the fewest active tickets (ties: longest ago). The user id breaks
 * any remaining tie so every instance picks the same person.
 */
export function pickAssignee(candidates: readonly Candidate[], mode: AutoMode): Candidate | null {
  const eligible = candidates.filter((c) => c.load < c.capacity);
  if (!eligible.length) return null;
  const order =
    mode === 'round_robin'
      ? (a: Candidate, b: Candidate) => byLastAssigned(a, b) || byUserId(a, b)
      : (a: Candidate, b: Candidate) => a.load - b.load || byLastAssigned(a, b) || byUserId(a, b);
  return [...eligible].sort(order)[0] ?? null;
}

/** Tickets the members can still take in total (what a waiting-queue sweep may hand out at most). */
export const freeRoom = (candidates: readonly Candidate[]): number =>
  candidates.reduce((sum, c) => sum + Math.max(0, c.capacity - c.load), 0);
