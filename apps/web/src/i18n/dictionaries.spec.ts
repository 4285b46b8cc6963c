import { LOCALES } from '@dengar/contracts';
import { describe, expect, it } from 'vitest';
import { detectLocale, dictionaries, format, translate } from './dictionaries';
import { en } from './en';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  const englishKeys = Object.keys(en).sort();

  it.each(LOCALES)('%s has exactly the English keys', (locale) => {
    expect(Object.keys(dictionaries[locale]).sort()).toEqual(englishKeys);
  });

  it.each(LOCALES)('%s has no empty string', (locale) => {
    const empty = Object.entries(dictionaries[locale]).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders in every language', () => {
    const mismatched = englishKeys.filter((key) =>
      LOCALES.some(
        (locale) =>
          JSON.stringify(placeholders(dictionaries[locale][key as keyof typeof en])) !==
          JSON.stringify(placeholders(en[key as keyof typeof en])),
      ),
    );
    expect(mismatched).toEqual([]);
  });

  it('names the controls outside checks look for (SPEC §9)', () => {
    expect([en['signIn.email'], en['signIn.password'], en['signIn.submit']]).toEqual(['Email', 'Password', 'Sign in']);
    expect([
      dictionaries.id['signIn.email'],
      dictionaries.id['signIn.password'],
      dictionaries.id['signIn.submit'],
    ]).toEqual(['Email', 'Kata sandi', 'Masuk']);
    expect(translate('en', 'inbox.view.unassigned')).toBe('Unassigned');
    expect(translate('id', 'inbox.view.unassigned')).toBe('Belum ditugaskan');
    expect(translate('id', 'frame.signOut')).toBe('Keluar');
    expect(translate('id', 'connection.connected')).toBe('Terhubung');
  });
});

describe('format', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{name} added to {team}.', { name: 'Ayu', team: 'Care' })).toBe('Ayu added to Care.');
    expect(format('Wait {seconds} seconds', { seconds: 30 })).toBe('Wait 30 seconds');
    expect(format('Hello {name}', {})).toBe('Hello {name}');
  });
});

describe('detectLocale', () => {
  it('prefers the stored choice', () => {
    expect(detectLocale('id', ['en-US'])).toBe('id');
    expect(detectLocale('en', ['id-ID'])).toBe('en');
  });

  it('ignores a stored value that is not a locale', () => {
    expect(detectLocale('fr', ['id-ID'])).toBe('id');
  });

  it('takes the first browser language it has a dictionary for', () => {
    expect(detectLocale(null, ['fr-FR', 'id-ID', 'en'])).toBe('id');
    expect(detectLocale(null, ['in'])).toBe('id');
    expect(detectLocale(null, ['en-GB', 'id'])).toBe('en');
  });

  it('falls back to English', () => {
    expect(detectLocale(null, ['ja-JP'])).toBe('en');
    expect(detectLocale(null, [])).toBe('en');
  });
});
