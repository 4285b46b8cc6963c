import { UserSchema, type UpdateUserRequest, type User } from '@dengar/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type ApiError } from '../../../lib/api-client';
import { userKeys } from './user-keys';

export function updateUser({ id, changes }: { id: string; changes: UpdateUserRequest }): Promise<User> {
  return apiRequest(`/users/${encodeURIComponent(id)}`, UserSchema, {
    method: 'PATCH',
    body: changes,
    silent: (error: ApiError) => error.hasFieldErrors || error.status === 409,
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: (user) => {
      queryClient.setQueryData(userKeys.detail(user.id), user);
      return queryClient.invalidateQueries({ queryKey: userKeys.lists() });
    },
  });
}
