import type { User } from '@dengar/contracts';
import { describe, expect, it } from 'vitest';
import { userChanges, type UserDraft } from './user-changes';

const user: User = {
  id: '5a0e8a44-5f0b-4a8c-9d4c-2f0f5f3c1e11',
  email: 'ayu@example.com',
  name: 'Ayu',
  role: 'agent',
  locale: 'id',
  capacity: 20,
  availability: 'offline',
  active: true,
  teamIds: [],
  createdAt: '2025-01-01T00:00:00.000Z',
};
const unchanged: UserDraft = { ...user, capacity: '20', password: '' };

describe('userChanges', () => {
  it('is empty when nothing changed', () => {
    expect(userChanges(user, unchanged, 'all')).toEqual({});
  });

  it('sends only what changed', () => {
    expect(userChanges(user, { ...unchanged, role: 'manager', active: false, capacity: '5' }, 'all')).toEqual({
      role: 'manager',
      active: false,
      capacity: 5,
    });
    expect(userChanges(user, { ...unchanged, password: 'a new secret!' }, 'all')).toEqual({
      password: 'a new secret!',
    });
  });

  it('sends nothing but capacity for a manager', () => {
    expect(userChanges(user, { ...unchanged, role: 'admin', name: 'X', capacity: '7' }, 'capacity')).toEqual({
      capacity: 7,
    });
  });

  it('passes a blank capacity on for validation to name', () => {
    expect(userChanges(user, { ...unchanged, capacity: ' ' }, 'capacity').capacity).toBeNaN();
  });
});
