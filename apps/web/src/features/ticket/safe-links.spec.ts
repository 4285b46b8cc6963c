import { describe, expect, it } from 'vitest';
import { linkify, safeHref } from './safe-links';

describe('safeHref', () => {
  it('allows absolute http(s) URLs only', () => {
    expect(safeHref('https://social.example/@ana/1')).toBe('https://social.example/@ana/1');
    expect(safeHref('http://x.example')).toBe('http://x.example/');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref(' JavaScript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<b>x</b>')).toBeNull();
    expect(safeHref('/relative')).toBeNull();
    expect(safeHref(null)).toBeNull();
  });
});

describe('linkify', () => {
  it('turns http(s) URLs into links and leaves the rest as text', () => {
    expect(linkify('see https://x.example/a?b=1, thanks')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', text: 'https://x.example/a?b=1', href: 'https://x.example/a?b=1' },
      { kind: 'text', text: ', thanks' },
    ]);
  });

  it('never links javascript: or markup', () => {
    expect(linkify('click javascript:alert(1) <a href="javascript:x" onclick="y">z</a>')).toEqual([
      { kind: 'text', text: 'click javascript:alert(1) <a href="javascript:x" onclick="y">z</a>' },
    ]);
    expect(linkify('<img src=x onerror=alert(1)>')).toEqual([{ kind: 'text', text: '<img src=x onerror=alert(1)>' }]);
  });
});
