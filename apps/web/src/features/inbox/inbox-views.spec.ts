import { describe, expect, it } from 'vitest';
import { DEFAULT_INBOX_VIEW, inboxViewsFor, isInboxView } from './inbox-views';

describe('inbox views', () => {
  it('opens on Unassigned', () => {
    expect(DEFAULT_INBOX_VIEW).toBe('unassigned');
  });

  it('offers All only to managers and admins', () => {
    expect(inboxViewsFor('admin')).toEqual(['unassigned', 'mine', 'team', 'all']);
    expect(inboxViewsFor('manager')).toContain('all');
    expect(inboxViewsFor('agent')).toEqual(['unassigned', 'mine', 'team']);
    expect(inboxViewsFor('marketing')).not.toContain('all');
  });

  it('recognises view names from the URL', () => {
    expect(isInboxView('mine')).toBe(true);
    expect(isInboxView('spam')).toBe(false);
    expect(isInboxView(undefined)).toBe(false);
  });
});
