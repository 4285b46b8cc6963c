import { describe, expect, it } from 'vitest';
import {
  opensTicket,
  sentimentLabel,
  statusAfterCustomerMention,
  subjectOf,
  threadRefs,
  threadSentiment,
} from './threading.js';

describe('threading rules', () => {
  it('reopens resolved, pending and snoozed tickets; leaves new and open alone', () => {
    expect(statusAfterCustomerMention('resolved')).toBe('open');
    expect(statusAfterCustomerMention('pending')).toBe('open');
    expect(statusAfterCustomerMention('snoozed')).toBe('open');
    expect(statusAfterCustomerMention('new')).toBeNull();
    expect(statusAfterCustomerMention('open')).toBeNull();
  });

  it('opens tickets for own-brand and unmatched mentions, not for competitor-only or spam', () => {
    const own = new Set(['own-1']);
    expect(opensTicket({ isSpam: false, brandIds: [] }, own)).toBe(true);
    expect(opensTicket({ isSpam: false, brandIds: ['own-1', 'comp-1'] }, own)).toBe(true);
    expect(opensTicket({ isSpam: false, brandIds: ['comp-1'] }, own)).toBe(false);
    expect(opensTicket({ isSpam: true, brandIds: [] }, own)).toBe(false);
  });

  it('follows the latest customer sentiment most', () => {
    expect(threadSentiment(0.8, -0.9).label).toBe('negative');
    expect(threadSentiment(-0.8, 0.9).label).toBe('positive');
    expect(threadSentiment(0, 0).label).toBe('neutral');
    expect(sentimentLabel(0.2)).toBe('positive');
    expect(sentimentLabel(-0.19)).toBe('neutral');
  });

  it('takes the first line as subject and caps it', () => {
    expect(subjectOf('\n  Where is my order?\nIt is late')).toBe('Where is my order?');
    expect(subjectOf('x'.repeat(300))).toHaveLength(200);
    expect(subjectOf('')).toBe('(no text)');
  });

  it('collects parent and thread refs without duplicates', () => {
    expect(threadRefs({ inReplyToExternalId: 'a', threadExternalId: 'a' })).toEqual(['a']);
    expect(threadRefs({ inReplyToExternalId: null, threadExternalId: 'r' })).toEqual(['r']);
    expect(threadRefs({})).toEqual([]);
  });
});
