import type { ThreadItem, TicketDetail } from '@dengar/contracts';
import { describe, expect, it } from 'vitest';
import { threadItemKey, threadItems } from './thread-items';

const mention = (id: string, postedAt: string) => ({ id, postedAt }) as unknown as TicketDetail['mentions'][number];
const reply = (id: string, createdAt: string, status = 'queued') =>
  ({ id, createdAt, status }) as unknown as TicketDetail['replies'][number];
const event = (id: string, at: string) => ({ id, at }) as unknown as TicketDetail['events'][number];

describe('threadItems', () => {
  it('merges every kind oldest first, the earlier pages before the latest, each item once', () => {
    const detail = {
      mentions: [mention('m2', '2026-11-27T10:05:00Z')],
      replies: [reply('r1', '2026-11-27T10:03:00Z', 'sent')],
      notes: [],
      events: [event('e1', '2026-11-27T10:00:00Z')],
    } as unknown as TicketDetail;
    const earlier: ThreadItem[] = [
      { kind: 'reply', at: '2026-11-27T10:03:00Z', reply: reply('r1', '2026-11-27T10:03:00Z', 'queued') },
      { kind: 'mention', at: '2026-11-27T09:00:00Z', mention: mention('m1', '2026-11-27T09:00:00Z') },
    ];
    const items = threadItems(detail, earlier);
    expect(items.map(threadItemKey)).toEqual(['mention:m1', 'event:e1', 'reply:r1', 'mention:m2']);
    const r1 = items[2];
    expect(r1?.kind === 'reply' && r1.reply.status).toBe('sent');
  });
});
