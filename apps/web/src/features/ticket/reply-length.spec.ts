import { describe, expect, it } from 'vitest';
import { graphemeCount, platformText, replyBudget, replyLength } from './reply-length';

describe('graphemeCount', () => {
  it('counts what a person sees as one character once', () => {
    expect(graphemeCount('abc')).toBe(3);
    expect(graphemeCount('👍🏽')).toBe(1);
    expect(graphemeCount('🇮🇩')).toBe(1);
    expect(graphemeCount('e\u0301')).toBe(1);
    expect(graphemeCount('')).toBe(0);
  });
});

describe('replyLength', () => {
  it('counts Bluesky in graphemes and others in code points', () => {
    expect(replyLength('bluesky', '👍🏽👍🏽', 'x')).toBe(2);
    expect(replyLength('x', '👍🏽👍🏽', 'x')).toBe(4);
    expect(replyLength('webhook', '  hi  ', 'x')).toBe(2);
  });

  it('adds the @acct prefix Mastodon replies carry, unless the body starts with it', () => {
    expect(platformText('mastodon', 'thanks', '@ana@social.example')).toBe('@ana@social.example thanks');
    expect(platformText('mastodon', '@Ana@social.example thanks', 'ana@social.example')).toBe(
      '@Ana@social.example thanks',
    );
    expect(platformText('mastodon', '@ana@social.examplex hi', 'ana@social.example')).toBe(
      '@ana@social.example @ana@social.examplex hi',
    );
    expect(replyLength('mastodon', 'hi', 'ana')).toBe('@ana hi'.length);
  });
});

describe('replyBudget', () => {
  it('reports what is left and refuses more than the limit', () => {
    expect(replyBudget('x', 'a'.repeat(280), 'h', 280)).toEqual({ length: 280, limit: 280, remaining: 0, over: false });
    expect(replyBudget('x', 'a'.repeat(281), 'h', 280)).toMatchObject({ remaining: -1, over: true });
  });

  it('has no limit for manual replies and counts an empty box as 0', () => {
    expect(replyBudget('rss', 'hello', 'h', null)).toEqual({ length: 5, limit: null, remaining: null, over: false });
    expect(replyBudget('mastodon', '   ', 'ana', 500)).toMatchObject({ length: 0, over: false });
  });
});
