import { LoginResponseSchema, type LoginRequest, type LoginResponse, type MeResponse } from '@dengar/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { authKeys } from './auth-keys';
import { forgetSession } from './forget-session';

/** The sign-in form shows every answer itself (wrong password, rate limit, bad input). */
export function login(body: LoginRequest): Promise<LoginResponse> {
  return apiRequest('/auth/login', LoginResponseSchema, { method: 'POST', body, silent: true });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: ({ user }) => {
      // Whatever the previous person had cached must not leak into this session.
      forgetSession(queryClient);
      const me: MeResponse = { user, via: 'session' };
      queryClient.setQueryData<MeResponse | null>(authKeys.me(), me);
    },
  });
}
