import type { User } from '@dengar/contracts';
import type { UserRow } from './user.repository.js';

export const toUser = (u: UserRow): User => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  locale: u.locale,
  capacity: u.capacity,
  availability: u.availability,
  active: u.active,
  teamIds: u.teamIds,
  createdAt: u.createdAt.toISOString(),
});
