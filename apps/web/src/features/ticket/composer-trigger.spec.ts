import { describe, expect, it } from 'vitest';
import { applyTrigger, detectTrigger, matchesQuery, teammateToken } from './composer-trigger';

describe('detectTrigger', () => {
  it('opens the canned picker for / at the start of the box or after whitespace', () => {
    expect(detectTrigger('/', 1, 'reply')).toEqual({ kind: 'canned', query: '', start: 0, end: 1 });
    expect(detectTrigger('Hi /than', 8, 'reply')).toEqual({ kind: 'canned', query: 'than', start: 3, end: 8 });
    expect(detectTrigger('line\n/x', 7, 'note')).toEqual({ kind: 'canned', query: 'x', start: 5, end: 7 });
  });

  it('ignores / inside a word or a URL, and after a space was typed', () => {
    expect(detectTrigger('and/or', 6, 'reply')).toBeNull();
    expect(detectTrigger('https://x.example/a', 19, 'reply')).toBeNull();
    expect(detectTrigger('/thanks ', 8, 'reply')).toBeNull();
  });

  it('looks only at the text before the caret', () => {
    expect(detectTrigger('/thanks and more', 4, 'reply')).toEqual({ kind: 'canned', query: 'tha', start: 0, end: 4 });
  });

  it('opens the teammate picker for @ in note mode only', () => {
    expect(detectTrigger('cc @sa', 6, 'note')).toEqual({ kind: 'teammate', query: 'sa', start: 3, end: 6 });
    expect(detectTrigger('cc @sa', 6, 'reply')).toBeNull();
    expect(detectTrigger('mail me@x', 9, 'note')).toBeNull();
  });
});

describe('applyTrigger', () => {
  it('replaces the trigger and query with the inserted text', () => {
    const trigger = detectTrigger('Hi /th', 6, 'reply');
    if (!trigger) throw new Error('expected a trigger');
    expect(applyTrigger('Hi /th', trigger, 'Thanks!')).toEqual({ text: 'Hi Thanks!', caret: 10 });
  });

  it('keeps the text after the caret and adds a space after a teammate', () => {
    const trigger = detectTrigger('cc @sa please', 6, 'note');
    if (!trigger) throw new Error('expected a trigger');
    expect(applyTrigger('cc @sa please', trigger, '@SariW')).toEqual({ text: 'cc @SariW please', caret: 9 });
    const atEnd = detectTrigger('@b', 2, 'note');
    if (!atEnd) throw new Error('expected a trigger');
    expect(applyTrigger('@b', atEnd, '@Budi')).toEqual({ text: '@Budi ', caret: 6 });
  });
});

describe('teammateToken / matchesQuery', () => {
  it('writes a teammate the way the API resolves note mentions', () => {
    expect(teammateToken('Sari  Wulandari')).toBe('@SariWulandari');
  });

  it('matches any field, ignoring case', () => {
    expect(matchesQuery('', 'x')).toBe(true);
    expect(matchesQuery('THA', 'thanks', 'Thank you')).toBe(true);
    expect(matchesQuery('zz', 'thanks')).toBe(false);
  });
});
