import type { TagRef } from '@dengar/contracts';
import { describe, expect, it } from 'vitest';
import { resolveBlock, snoozeInstant, statusActions, toLocalInput } from './status-actions';

const tag = (kind: TagRef['kind']): TagRef => ({
  id: '00000000-0000-4000-8000-000000000001',
  name: kind,
  kind,
  color: '#22c55e',
});

describe('statusActions', () => {
  it('follows the transition table', () => {
    expect(statusActions('new', 'agent')).toEqual(['open', 'snoozed', 'resolved']);
    expect(statusActions('open', 'agent')).toEqual(['pending', 'snoozed', 'resolved']);
    expect(statusActions('snoozed', 'marketing')).toEqual(['open', 'resolved']);
    expect(statusActions('closed', 'admin')).toEqual([]);
  });

  it('lets only managers and admins close a resolved ticket by hand', () => {
    expect(statusActions('resolved', 'agent')).toEqual(['open']);
    expect(statusActions('resolved', 'marketing')).toEqual(['open']);
    expect(statusActions('resolved', 'manager')).toEqual(['open', 'closed']);
    expect(statusActions('resolved', 'admin')).toEqual(['open', 'closed']);
  });
});

describe('resolveBlock', () => {
  it('blocks resolving without an outcome tag only when the workspace requires one', () => {
    expect(resolveBlock([], false)).toBe('ok');
    expect(resolveBlock([], true)).toBe('needs_outcome_tag');
    expect(resolveBlock([tag('topic'), tag('campaign')], true)).toBe('needs_outcome_tag');
    expect(resolveBlock([tag('topic'), tag('outcome')], true)).toBe('ok');
  });
});

describe('snooze values', () => {
  it('turns a datetime-local value into an instant and back', () => {
    const iso = snoozeInstant('2026-12-01T09:30');
    expect(iso).not.toBeNull();
    expect(toLocalInput(new Date(iso ?? ''))).toBe('2026-12-01T09:30');
  });

  it('rejects empty or malformed values', () => {
    expect(snoozeInstant('')).toBeNull();
    expect(snoozeInstant('tomorrow')).toBeNull();
    expect(snoozeInstant('2026-13-45T99:99')).toBeNull();
  });
});
