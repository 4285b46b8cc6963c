import type { TicketEvent } from '@dengar/contracts';
import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/dictionaries';
import type { Translate } from '../../i18n/i18n-provider';
import { eventText, type EventNames } from './event-text';

const SARI = '00000000-0000-4000-8000-00000000000a';
const BUDI = '00000000-0000-4000-8000-00000000000b';
const GONE = '00000000-0000-4000-8000-00000000000c';
const TEAM = '00000000-0000-4000-8000-0000000000aa';

const names: EventNames = {
  user: (id) => ({ [SARI]: 'Sari', [BUDI]: 'Budi' })[id] ?? null,
  team: (id) => (id === TEAM ? 'Billing' : null),
};
const en: Translate = (key, values) => translate('en', key, values);
const id: Translate = (key, values) => translate('id', key, values);

const ev = (type: TicketEvent['type'], data: Record<string, unknown>, actorId: string | null = null): TicketEvent => ({
  id: '00000000-0000-4000-8000-000000000001',
  ticketId: '00000000-0000-4000-8000-000000000002',
  type,
  actorId,
  data,
  at: '2026-11-27T10:00:00.000Z',
});

describe('eventText', () => {
  it('describes how a ticket starts', () => {
    expect(eventText(ev('created', { mentionId: 'm' }), names, en)).toBe('Ticket opened from a mention');
    expect(eventText(ev('routed', { teamId: TEAM, ruleId: 'r' }), names, en)).toBe(
      'Routed to Billing by a routing rule',
    );
    expect(eventText(ev('routed', { teamId: TEAM, ruleId: null }), names, en)).toBe('Routed to Billing');
    expect(eventText(ev('routed', { teamId: GONE, reason: 'manual' }, SARI), names, en)).toBe(
      'Sari moved it to another team',
    );
  });

  it('names who assigned whom, and tells claiming and automatic assignment apart', () => {
    expect(eventText(ev('assigned', { assigneeId: BUDI, previousAssigneeId: null }, SARI), names, en)).toBe(
      'Sari assigned it to Budi',
    );
    expect(eventText(ev('assigned', { assigneeId: SARI, previousAssigneeId: null }, SARI), names, en)).toBe(
      'Sari took the ticket',
    );
    expect(eventText(ev('assigned', { assigneeId: BUDI, reason: 'round_robin' }), names, en)).toBe(
      'Assigned to Budi automatically',
    );
    expect(eventText(ev('assigned', { assigneeId: null, previousAssigneeId: BUDI }, SARI), names, en)).toBe(
      'Sari unassigned Budi',
    );
  });

  it('translates statuses and priorities, and explains system status changes', () => {
    expect(eventText(ev('status_changed', { from: 'open', to: 'resolved' }, SARI), names, en)).toBe(
      'Sari changed the status from Open to Resolved',
    );
    expect(eventText(ev('status_changed', { from: 'open', to: 'resolved' }, SARI), names, id)).toBe(
      'Sari mengubah status dari Terbuka menjadi Selesai',
    );
    expect(eventText(ev('status_changed', { from: 'snoozed', to: 'open', reason: 'snooze_ended' }), names, en)).toBe(
      'The snooze ended and the ticket reopened',
    );
    expect(eventText(ev('status_changed', { from: 'resolved', to: 'closed', reason: 'auto_close' }), names, en)).toBe(
      'Closed automatically after 7 days resolved',
    );
    expect(eventText(ev('status_changed', { from: 'resolved', to: 'open', reason: 'customer_wrote' }), names, en)).toBe(
      'The customer wrote: Resolved → Open',
    );
    expect(eventText(ev('priority_changed', { from: 'normal', to: 'urgent' }, BUDI), names, en)).toBe(
      'Budi changed the priority from Normal to Urgent',
    );
  });

  it('covers replies, notes, tags, SLA and merges, with an unknown actor as "Someone"', () => {
    expect(eventText(ev('replied', { replyId: 'r' }, GONE), names, en)).toBe('Someone replied');
    expect(eventText(ev('note_added', { noteId: 'n' }, SARI), names, en)).toBe('Sari added an internal note');
    expect(eventText(ev('tagged', { name: 'refund', kind: 'outcome' }, SARI), names, en)).toBe(
      'Sari added the tag refund',
    );
    expect(eventText(ev('untagged', { name: 'refund', kind: 'outcome' }, SARI), names, en)).toBe(
      'Sari removed the tag refund',
    );
    expect(eventText(ev('tagged', { name: 'promo', ruleId: 'r' }), names, en)).toBe('Tagged promo automatically');
    expect(eventText(ev('sla_breached', { dueAt: 'x' }), names, en)).toBe('The first-response target was missed');
    expect(eventText(ev('merged', { intoTicketId: 'x' }, SARI), names, en)).toBe(
      'Sari merged this ticket into another one',
    );
    expect(eventText(ev('merged', { fromTicketId: 'x' }, SARI), names, en)).toBe(
      'Sari merged another ticket into this one',
    );
    expect(eventText(ev('mention_added', {}), names, en)).toBe('The customer wrote again');
  });
});
