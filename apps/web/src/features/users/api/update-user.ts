import { UserSchema, type UpdateUserRequest, type User } from '@dengar/contracts';
import { apiRequest } from '../../../lib/api-client';
import { shownByForm } from '../../../lib/form-errors';
import { useSaveMutation } from '../../../lib/use-save-mutation';
import { userKeys } from './user-keys';

export function updateUser({ id, changes }: { id: string; changes: UpdateUserRequest }): Promise<User> {
  return apiRequest(`/users/${encodeURIComponent(id)}`, UserSchema, {
    method: 'PATCH',
    body: changes,
    silent: shownByForm,
  });
}

export function useUpdateUser() {
  return useSaveMutation(updateUser, userKeys);
}
