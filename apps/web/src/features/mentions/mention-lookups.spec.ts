import { describe, expect, it } from 'vitest';
import { languageName, safeHttpUrl } from './mention-lookups';

describe('safeHttpUrl', () => {
  it('keeps web links', () => {
    expect(safeHttpUrl('https://mastodon.example/@ayu/1')).toBe('https://mastodon.example/@ayu/1');
    expect(safeHttpUrl('http://forum.example.com/p/2')).toBe('http://forum.example.com/p/2');
  });

  it('refuses anything that could run script or is not a URL', () => {
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,<script>alert(1)</script>')).toBeNull();
    expect(safeHttpUrl('/relative/path')).toBeNull();
    expect(safeHttpUrl(null)).toBeNull();
  });
});

describe('languageName', () => {
  it('names a language in the reader’s language, else shows the code', () => {
    expect(languageName('id', 'en')).toBe('Indonesian');
    expect(languageName('en', 'id')).toBe('Inggris');
    expect(languageName('not a code', 'en')).toBe('not a code');
  });
});
