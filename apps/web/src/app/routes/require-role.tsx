import type { Role } from '@dengar/contracts';
import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { paths } from '../../config/paths';
import { useCurrentUser } from '../current-user';

/** A page this role may not open sends them to the inbox; the API refuses the data anyway. */
export function RequireRole({ allow, children }: { allow: (role: Role) => boolean; children: ReactNode }) {
  const user = useCurrentUser();
  return allow(user.role) ? children : <Navigate to={paths.inbox} replace />;
}
