import type { User } from '@dengar/contracts';
import { createContext, use } from 'react';

/** The signed-in person, provided by the app frame to the routes inside it. */
export const CurrentUserContext = createContext<User | null>(null);

export function useCurrentUser(): User {
  const user = use(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser must be used inside the signed-in app frame');
  return user;
}
