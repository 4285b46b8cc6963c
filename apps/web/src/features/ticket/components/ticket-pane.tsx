/** The open ticket: thread, replies, notes, events, author card, actions and composer. */
export function TicketPane({ ticketId }: { ticketId: string }) {
  return <section aria-label="Ticket">{ticketId}</section>;
}
