import { describe, expect, it } from 'vitest';
import { excerpt, mentionTokens, resolveMentions, type MentionableUser } from './note-mentions.js';

const users: MentionableUser[] = [
  { id: 'sari', email: 'sari@dengar.local', name: 'Sari Wulandari' },
  { id: 'alex', email: 'a.morgan@dengar.local', name: 'Alex Morgan' },
  { id: 'budi1', email: 'budi@dengar.local', name: 'Budi Santoso' },
  { id: 'budi2', email: 'bs2@dengar.local', name: 'Budi Hartono' },
];

describe('mentionTokens', () => {
  it('finds @words, lower-cased, without trailing punctuation, once each', () => {
    expect(mentionTokens('@Sari can you check? cc @a.morgan. Thanks @sari!')).toEqual(['sari', 'a.morgan']);
  });

  it('ignores e-mail addresses and a bare @', () => {
    expect(mentionTokens('write to help@kopisenja.id or @ me')).toEqual([]);
  });

  it('reads non-ASCII letters', () => {
    expect(mentionTokens('tolong @Dédé')).toEqual(['dédé']);
  });
});

describe('resolveMentions', () => {
  it('matches the e-mail local part, the name without spaces, or a unique first name', () => {
    expect(resolveMentions('@a.morgan', users)).toEqual(['alex']);
    expect(resolveMentions('@SariWulandari', users)).toEqual(['sari']);
    expect(resolveMentions('@alex please', users)).toEqual(['alex']);
  });

  it('an ambiguous first name matches nobody unless it is someone’s e-mail local part', () => {
    expect(resolveMentions('@budi', users)).toEqual(['budi1']);
    expect(
      resolveMentions(
        '@budi',
        users.filter((u) => u.id !== 'budi1'),
      ),
    ).toEqual(['budi2']);
    expect(
      resolveMentions('@budi', [...users.filter((u) => u.id !== 'budi1'), { id: 'b3', email: 'x@y', name: 'Budi X' }]),
    ).toEqual([]);
  });

  it('ignores words that name nobody', () => {
    expect(resolveMentions('customer @kopilover says hi', users)).toEqual([]);
  });
});

describe('excerpt', () => {
  it('folds whitespace and cuts long text with an ellipsis', () => {
    expect(excerpt('a\n\n b')).toBe('a b');
    const long = 'x'.repeat(100);
    expect(excerpt(long)).toHaveLength(80);
    expect(excerpt(long).endsWith('…')).toBe(true);
  });
});
