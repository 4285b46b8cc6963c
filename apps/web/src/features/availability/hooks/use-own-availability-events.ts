import type { Availability } from '@dengar/contracts';
import { useEffect, useEffectEvent } from 'react';
import { realtime } from '../../../lib/socket';

/**
 * The user's own availability as it changes elsewhere: another tab, or the system setting `offline` when all
 * their connections were gone (`presence.updated` with `availability`, also replayed after a reconnect).
 */
export function useOwnAvailabilityEvents(userId: string, onChange: (availability: Availability) => void) {
  const changed = useEffectEvent(onChange);
  useEffect(
    () =>
      realtime.on('presence.updated', ({ data }) => {
        if (data.userId === userId && data.availability) changed(data.availability);
      }),
    [userId],
  );
}
