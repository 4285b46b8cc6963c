import { UserSchema, type User } from '@dengar/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { shownByForm } from '../../../lib/form-errors';
import { teamKeys } from './team-keys';

/** A member's capacity lives on the user (`PATCH /api/users/:id`); managers may change only that. */
export function setMemberCapacity({ userId, capacity }: { userId: string; capacity: number }): Promise<User> {
  return apiRequest(`/users/${encodeURIComponent(userId)}`, UserSchema, {
    method: 'PATCH',
    body: { capacity },
    silent: shownByForm,
  });
}

export function useSetMemberCapacity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setMemberCapacity,
    // The user may be in several teams: every cached member list shows the new capacity.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: teamKeys.details() });
    },
  });
}
