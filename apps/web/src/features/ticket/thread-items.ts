import type { ThreadItem, TicketDetail } from '@dengar/contracts';

const keyOf = (item: ThreadItem): string => {
  switch (item.kind) {
    case 'mention':
      return `mention:${item.mention.id}`;
    case 'reply':
      return `reply:${item.reply.id}`;
    case 'note':
      return `note:${item.note.id}`;
    case 'event':
      return `event:${item.event.id}`;
  }
};

export const threadItemKey = keyOf;

/**
 * The whole thread on screen, oldest first: the detail's latest items plus the pages loaded further back,
 * each item once (a reply whose status changed keeps the detail's newer copy), by time.
 */
export function threadItems(detail: TicketDetail, earlier: readonly ThreadItem[]): ThreadItem[] {
  const byKey = new Map<string, ThreadItem>();
  for (const item of earlier) byKey.set(keyOf(item), item);
  const latest: ThreadItem[] = [
    ...detail.mentions.map((mention) => ({ kind: 'mention' as const, at: mention.postedAt, mention })),
    ...detail.replies.map((reply) => ({ kind: 'reply' as const, at: reply.createdAt, reply })),
    ...detail.notes.map((note) => ({ kind: 'note' as const, at: note.createdAt, note })),
    ...detail.events.map((event) => ({ kind: 'event' as const, at: event.at, event })),
  ];
  for (const item of latest) byKey.set(keyOf(item), item);
  // A stable sort: items of the same instant keep the order the API gave them (an event log's order).
  return [...byKey.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
