import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { realtime } from '../../../lib/socket';
import { createThrottle } from '../workload-format';
import { workloadKeys } from './workload-keys';

/** At most one refetch per this many ms, however busy the queue is. */
export const WORKLOAD_REFRESH_MS = 2000;

/**
 * Keeps the workload current while it is on screen: ticket changes and availability changes refetch it,
 * throttled so a burst of events costs one request. A reconnect refetches too (events may have been missed).
 */
export function useWorkloadLive(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const refresh = createThrottle(() => {
      void queryClient.invalidateQueries({ queryKey: workloadKeys.all });
    }, WORKLOAD_REFRESH_MS);
    const offs = [
      realtime.on('ticket.created', refresh.call),
      realtime.on('ticket.updated', refresh.call),
      realtime.on('ticket.assigned', refresh.call),
      realtime.on('ticket.mention_added', refresh.call),
      realtime.on('presence.updated', (envelope) => {
        // Who is looking at a ticket does not change the workload; availability does.
        if (envelope.data.availability !== undefined) refresh.call();
      }),
      realtime.onReady(refresh.call),
    ];
    return () => {
      for (const off of offs) off();
      refresh.cancel();
    };
  }, [queryClient]);
}
