import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { forgetSession } from './forget-session';

export function logout(): Promise<void> {
  return apiRequest('/auth/logout', null, { method: 'POST', silent: true });
}

/** Signs out; whatever the server says, this browser forgets the session and its data. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => forgetSession(queryClient),
  });
}
