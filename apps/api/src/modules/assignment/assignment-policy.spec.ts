import { describe, expect, it } from 'vitest';
import { freeRoom, isAutoMode, pickAssignee, type Candidate } from './assignment-policy.js';

const c = (userId: string, load: number, capacity: number, lastAssignedAt: number | null): Candidate => ({
  userId,
  load,
  capacity,
  lastAssignedAt,
});

describe('pickAssignee', () => {
  it('round_robin: the member whose turn came longest ago, never-assigned first, then by user id', () => {
    expect(pickAssignee([c('b', 0, 5, 200), c('a', 3, 5, 100)], 'round_robin')?.userId).toBe('a');
    expect(pickAssignee([c('b', 0, 5, 100), c('a', 0, 5, null)], 'round_robin')?.userId).toBe('a');
    expect(pickAssignee([c('b', 0, 5, null), c('a', 4, 5, null)], 'round_robin')?.userId).toBe('a');
    expect(pickAssignee([c('b', 0, 5, 100), c('a', 0, 5, 100)], 'round_robin')?.userId).toBe('a');
  });

  it('round_robin ignores load but not capacity', () => {
    expect(pickAssignee([c('a', 5, 5, null), c('b', 4, 5, 300)], 'round_robin')?.userId).toBe('b');
  });

  it('balanced: fewest active tickets, ties to the one assigned longest ago, then by user id', () => {
    expect(pickAssignee([c('a', 3, 9, null), c('b', 1, 9, 500)], 'balanced')?.userId).toBe('b');
    expect(pickAssignee([c('a', 2, 9, 500), c('b', 2, 9, 100)], 'balanced')?.userId).toBe('b');
    expect(pickAssignee([c('a', 2, 9, 500), c('b', 2, 9, null)], 'balanced')?.userId).toBe('b');
    expect(pickAssignee([c('b', 2, 9, 7), c('a', 2, 9, 7)], 'balanced')?.userId).toBe('a');
  });

  it('nobody when every member is at (or over) capacity, or there are no members', () => {
    expect(pickAssignee([c('a', 5, 5, null), c('b', 7, 5, null), c('z', 0, 0, null)], 'balanced')).toBeNull();
    expect(pickAssignee([], 'round_robin')).toBeNull();
  });

  it('free room counts only what is left under capacity', () => {
    expect(freeRoom([c('a', 2, 5, null), c('b', 9, 5, null), c('c', 0, 1, null)])).toBe(4);
  });

  it('manual is not an auto mode', () => {
    expect(isAutoMode('manual')).toBe(false);
    expect(isAutoMode('balanced')).toBe(true);
  });
});
