import type { TicketDetail } from '@dengar/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { realtime } from '../../../lib/socket';
import { ticketKeys } from '../api/ticket-keys';
import { withNote, withReply, withTicket } from '../ticket-cache';

/**
 * Live changes to the open ticket: the socket says what changed, the cached detail takes it, and the detail
 * refetches in the background for what only it carries (the timeline, new mentions).
 */
export function useTicketEvents(ticketId: string): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    const key = ticketKeys.detail(ticketId);
    const update = (fn: (old: TicketDetail | null | undefined) => TicketDetail | null | undefined) =>
      queryClient.setQueryData<TicketDetail | null>(key, fn);
    const refetch = () => void queryClient.invalidateQueries({ queryKey: key, exact: true });

    const offs = [
      realtime.on('ticket.updated', ({ data }) => {
        if (data.ticketId !== ticketId) return;
        update((old) => withTicket(old, data.ticket));
        refetch();
      }),
      realtime.on('ticket.mention_added', ({ data }) => {
        if (data.ticketId === ticketId) refetch();
      }),
      realtime.on('reply.updated', ({ data }) => {
        if (data.ticketId === ticketId) update((old) => withReply(old, data.reply));
      }),
      realtime.on('note.created', ({ data }) => {
        if (data.ticketId === ticketId) update((old) => withNote(old, data.note));
      }),
    ];
    // Whatever happened while the socket was down.
    const offReady = realtime.onReady(refetch);
    return () => {
      for (const off of offs) off();
      offReady();
    };
  }, [ticketId, queryClient]);
}
