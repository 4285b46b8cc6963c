import { MeResponseSchema, type MeResponse, type UpdateMeRequest } from '@dengar/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { authKeys } from './auth-keys';

export function updateMe(body: UpdateMeRequest): Promise<MeResponse> {
  return apiRequest('/auth/me', MeResponseSchema, { method: 'PATCH', body });
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (me) => {
      queryClient.setQueryData<MeResponse | null>(authKeys.me(), me);
    },
  });
}
