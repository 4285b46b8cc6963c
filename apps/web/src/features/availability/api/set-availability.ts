import { AvailabilityResultSchema, type Availability, type SetAvailabilityRequest } from '@dengar/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

/** `PUT /api/users/me/availability`: only the user sets it (the system sets `offline` when they are gone). */
export function setAvailability(body: SetAvailabilityRequest): Promise<{ userId: string; availability: Availability }> {
  return apiRequest('/users/me/availability', AvailabilityResultSchema, { method: 'PUT', body });
}

/**
 * The signed-in user's record lives with the session (the app frame's), so the caller says how to show a value:
 * `show(next)` before the answer, `show(previous)` again if it fails.
 */
export function useSetAvailability({
  current,
  show,
  onError,
}: {
  current: Availability;
  show: (availability: Availability) => void;
  onError?: () => void;
}) {
  return useMutation({
    mutationFn: (availability: Availability) => setAvailability({ availability }),
    onMutate: (availability): { previous: Availability } => {
      const previous = current;
      show(availability);
      return { previous };
    },
    onError: (_error, _availability, context) => {
      if (context) show(context.previous);
      onError?.();
    },
    onSuccess: (result) => show(result.availability),
  });
}
