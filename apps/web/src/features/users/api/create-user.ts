import { UserSchema, type CreateUserRequest, type User } from '@dengar/contracts';
import { apiRequest } from '../../../lib/api-client';
import { shownByForm } from '../../../lib/form-errors';
import { useSaveMutation } from '../../../lib/use-save-mutation';
import { userKeys } from './user-keys';

export function createUser(body: CreateUserRequest): Promise<User> {
  return apiRequest('/users', UserSchema, { method: 'POST', body, silent: shownByForm });
}

export function useCreateUser() {
  return useSaveMutation(createUser, userKeys);
}
