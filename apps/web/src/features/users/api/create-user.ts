import { UserSchema, type CreateUserRequest, type User } from '@dengar/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, type ApiError } from '../../../lib/api-client';
import { userKeys } from './user-keys';

/** Field problems are shown next to the fields; anything else becomes a toast. */
export function createUser(body: CreateUserRequest): Promise<User> {
  return apiRequest('/users', UserSchema, {
    method: 'POST',
    body,
    silent: (error: ApiError) => error.hasFieldErrors || error.status === 409,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: (user) => {
      queryClient.setQueryData(userKeys.detail(user.id), user);
      return queryClient.invalidateQueries({ queryKey: userKeys.lists() });
    },
  });
}
