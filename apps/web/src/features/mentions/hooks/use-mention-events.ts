import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { realtime } from '../../../lib/socket';
import { mentionKeys } from '../api/mention-keys';

/** A burst of events (a webhook batch, a backfill) becomes one refetch. */
const COALESCE_MS = 250;

/**
 * New mentions announce themselves: `mention.created` (one per stored page, to marketing, managers and admins)
 * and, for agents who see only their tickets' mentions, through their tickets (`ticket.created`,
 * `ticket.mention_added`). The stream refetches once per burst.
 */
export function useMentionEvents() {
  const queryClient = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refetch = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        void queryClient.invalidateQueries({ queryKey: mentionKeys.lists() });
      }, COALESCE_MS);
    };
    const offs = [
      realtime.on('mention.created', refetch),
      realtime.on('ticket.created', refetch),
      realtime.on('ticket.mention_added', refetch),
    ];
    return () => {
      for (const off of offs) off();
      if (timer) clearTimeout(timer);
    };
  }, [queryClient]);
}
