import { NoteSchema, type Note, type TicketDetail } from '@dengar/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { withNote } from '../ticket-cache';
import { ticketKeys } from './ticket-keys';

export function createNote({
  ticketId,
  body,
  mentionedUserIds,
}: {
  ticketId: string;
  body: string;
  mentionedUserIds: string[];
}): Promise<Note> {
  return apiRequest(`/tickets/${encodeURIComponent(ticketId)}/notes`, NoteSchema, {
    method: 'POST',
    body: { body, ...(mentionedUserIds.length > 0 ? { mentionedUserIds } : {}) },
  });
}

/** An internal note; `@name` words (and teammates picked in the composer) are notified by the API. */
export function useCreateNote(ticketId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: string; mentionedUserIds: string[] }) => createNote({ ticketId, ...input }),
    onSuccess: (note) => {
      queryClient.setQueryData<TicketDetail | null>(ticketKeys.detail(ticketId), (old) => withNote(old, note));
      return queryClient.invalidateQueries({ queryKey: ticketKeys.detail(ticketId), exact: true });
    },
  });
}
