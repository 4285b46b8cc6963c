import { describe, expect, it } from 'vitest';
import { normaliseText, TAG_QUESTION } from './text-normalise.js';

describe('normaliseText', () => {
  it('maps Indonesian chat spellings to the standard forms the model learnt', () => {
    expect(normaliseText('gak bisa login, udah nunggu lama bgt yg kemarin').tokens).toEqual([
      'tidak',
      'bisa',
      'login',
      '.',
      'sudah',
      'menunggu',
      'lama',
      'banget',
      'yang',
      'kemarin',
    ]);
  });

  it('splits the -nya suffix like the tokenised corpus does, but keeps words that only end in nya', () => {
    expect(normaliseText('Barangnya bagus, punya teman juga').tokens).toEqual([
      'barang',
      'nya',
      'bagus',
      '.',
      'punya',
      'teman',
      'juga',
    ]);
  });

  it('expands English negative contractions, with or without the apostrophe', () => {
    expect(normaliseText("I can't log in and it doesn't load, dont ask").tokens).toEqual([
      'i',
      'can',
      'not',
      'log',
      'in',
      'and',
      'it',
      'does',
      'not',
      'load',
      '.',
      'do',
      'not',
      'ask',
    ]);
  });

  it('collapses elongated words to a known form and reduplication written with 2', () => {
    expect(normaliseText('sooo goooood, lemooot bangeeet, mahal2').tokens).toEqual([
      'so',
      'good',
      '.',
      'lemot',
      'banget',
      '.',
      'mahal-mahal',
    ]);
  });

  it('replaces links, handles and numbers with placeholders and collects them', () => {
    const text = normaliseText(
      '@SkyWays flight 212 delayed, see https://t.co/AbC and @ops@mastodon.social #BadService',
    );
    expect(text.tokens).toEqual([
      '_user_',
      'flight',
      '_num_',
      'delayed',
      '.',
      'see',
      '_url_',
      'and',
      '_user_',
      'bad',
      'service',
    ]);
    expect(text.urls).toEqual(['https://t.co/AbC']);
    expect(text.mentions).toEqual(['skyways', 'ops@mastodon.social']);
    expect(text.hashtags).toEqual(['badservice']);
    expect(text.wordCount).toBe(6);
  });

  it('keeps emoji and emoticons as tokens and counts punctuation', () => {
    const text = normaliseText('Great!!! 👍🏽 :) why??');
    expect(text.tokens).toEqual(['great', '!', '👍', '🙂', 'why', '?']);
    expect(text.exclamations).toBe(3);
    expect(text.questionMarks).toBe(2);
    expect(text.emojiCount).toBe(2);
  });

  it('marks words written in capitals and the share of capitals', () => {
    const text = normaliseText('this is NOT ok');
    expect(Array.from(text.shouted)).toEqual([0, 0, 1, 0]);
    expect(normaliseText('BUY NOW').capsRatio).toBe(1);
  });

  it('turns a closing "gak?" into a tag question rather than a negation', () => {
    expect(normaliseText('bisa COD gak kak?').tokens).toEqual(['bisa', 'cod', TAG_QUESTION, 'kak', '?']);
    expect(normaliseText('gak bisa COD?').tokens[0]).toBe('tidak');
  });

  it('does not trip over words that are names of object properties', () => {
    expect(normaliseText('constructor toString __proto__').tokens).toEqual(['constructor', 'tostring', 'proto']);
  });

  it('does not read the @ of an e-mail address as a mention', () => {
    expect(normaliseText('write to care@example.com').mentions).toEqual([]);
  });
});
