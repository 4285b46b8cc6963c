import { ROOM } from '@dengar/contracts';

/** Who may see a ticket's live events: its team, managers, its assignee and whoever has it open (SPEC §1, §7). */
export const ticketRooms = (t: { id: string; teamId: string; assigneeId: string | null }): string[] => [
  ROOM.team(t.teamId),
  ROOM.managers,
  ROOM.ticket(t.id),
  ...(t.assigneeId ? [ROOM.user(t.assigneeId)] : []),
];

/** A change that moves a ticket away from rooms still hears about it there (so lists can drop it). */
export const roomsBeforeAndAfter = (
  before: { id: string; teamId: string; assigneeId: string | null },
  after: { id: string; teamId: string; assigneeId: string | null },
): string[] => [...new Set([...ticketRooms(before), ...ticketRooms(after)])];
