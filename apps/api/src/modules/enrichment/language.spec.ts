import { describe, expect, it } from 'vitest';
import { LanguageDetector, normaliseLanguageCode } from './language.js';
import { normaliseText } from './text-normalise.js';

const detector = new LanguageDetector(['en', 'id']);
const detect = (text: string, declared?: string | null) => detector.detect(normaliseText(text), declared);

describe('LanguageDetector', () => {
  it.each([
    '@SkyWays my flight was cancelled and nobody at the desk can tell me when the next one leaves',
    'Just got my order, the packaging was perfect and delivery was a day early',
    'why is my internet so slow today',
    'Where can I buy the gift cards?',
  ])('English: %s', (text) => {
    expect(detect(text)).toBe('en');
  });

  it.each([
    'paket saya belum sampai padahal sudah seminggu, tolong dicek ya kak',
    'gak bisa login dari kemarin, error terus',
    'sinyal lemot banget dari pagi anjir',
    'makasih kak pelayanannya cepet banget',
    'mantap min, udah nyampe',
    'kapan refund saya masuk?',
  ])('Indonesian, formal or slang: %s', (text) => {
    expect(detect(text)).toBe('id');
  });

  it('never answers Malay for Indonesian text, even Malay-looking text', () => {
    for (const text of [
      'saya tak tahu kenapa barang ini belum sampai lagi',
      'boleh saya tahu bila pesanan akan dihantar?',
      'terima kasih atas bantuan anda, sangat membantu',
    ]) {
      expect(detect(text)).not.toBe('ms');
    }
    expect(detect('Kami tidak dapat log masuk ke akaun sejak semalam', 'ms')).toBe('id');
  });

  it('lets the declared language win, normalised to ISO 639-1', () => {
    expect(detect('paket saya belum sampai', 'en')).toBe('en');
    expect(detect('my parcel is late', 'in')).toBe('id');
    expect(detect('my parcel is late', 'pt-BR')).toBe('pt');
    expect(detect('my parcel is late', 'ind')).toBe('id');
    expect(detect('my parcel is late and nobody answers', 'und')).toBe('en');
    expect(detect('my parcel is late and nobody answers', '')).toBe('en');
  });

  it('returns null for very short or emoji-only text without a clear cue', () => {
    expect(detect('👍👍')).toBeNull();
    expect(detect('ok')).toBeNull();
    expect(detect('Bali 2024')).toBeNull();
    expect(detect('https://example.com/x')).toBeNull();
  });

  it('decides short text when a word gives the language away', () => {
    expect(detect('mantap banget')).toBe('id');
    expect(detect('gimana sih')).toBe('id');
    expect(detect('thank you')).toBe('en');
  });

  it('recognises other languages and scripts', () => {
    expect(detect('Mi pedido todavía no ha llegado y nadie responde a mis correos')).toBe('es');
    expect(detect('Mon colis n’est toujours pas arrivé et personne ne répond')).toBe('fr');
    expect(detect('注文した商品がまだ届きません')).toBe('ja');
    expect(detect('Мой заказ до сих пор не доставлен')).toBe('ru');
  });
});

describe('normaliseLanguageCode', () => {
  it.each([
    ['en-US', 'en'],
    ['ID', 'id'],
    ['in', 'id'],
    ['eng', 'en'],
    ['und', null],
    [null, null],
    ['constructor', null],
  ])('%s → %s', (code, expected) => {
    expect(normaliseLanguageCode(code)).toBe(expected);
  });
});
