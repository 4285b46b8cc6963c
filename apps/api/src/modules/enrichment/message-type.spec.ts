import { describe, expect, it } from 'vitest';
import { classifyMessage, isQuestion } from './message-type.js';
import { SentimentAnalyser } from './sentiment.js';
import { normaliseText } from './text-normalise.js';

const analyser = new SentimentAnalyser();
const typeOf = (text: string, language: 'en' | 'id') => {
  const normalised = normaliseText(text);
  return classifyMessage(normalised, analyser.analyse(normalised, language));
};

describe('classifyMessage', () => {
  it.each([
    ['@SkyWays can I change the name on my booking?', 'en'],
    ['@SkyWays is the lounge in T2 open on sundays', 'en'],
    ['@TelcoNet do I need to call or can I do it online', 'en'],
    ['@NusaAir apakah bisa bawa hewan peliharaan di kabin?', 'id'],
    ['@SinyalKu cara cek sisa kuota gimana min', 'id'],
    ['kak, kalau mau retur caranya gimana ya', 'id'],
  ] as const)('question: %s', (text, language) => {
    expect(typeOf(text, language)).toBe('question');
  });

  it.each([
    ['@SkyWays flight delayed 3 hours and no one at the gate', 'en'],
    ['@ShopMart why is my refund still not processed?', 'en'],
    ['@TokoKita paket saya belum sampai udah seminggu', 'id'],
    ['@SinyalKu kenapa sinyal lemot banget hari ini?', 'id'],
  ] as const)('complaint (negative about the service, questions included): %s', (text, language) => {
    expect(typeOf(text, language)).toBe('complaint');
  });

  it.each([
    ['@SkyWays crew was lovely, thank you!', 'en'],
    ['@TokoKita mantap, barangnya bagus banget', 'id'],
  ] as const)('praise: %s', (text, language) => {
    expect(typeOf(text, language)).toBe('praise');
  });

  it.each([
    ['Where can I buy the @ShopMart gift cards?', 'en'],
    ['how much is the 20GB plan? thinking of switching', 'en'],
    ['Should I get the unlimited plan or stick with prepaid?', 'en'],
    ['is it worth it?', 'en'],
    ['@TokoKita mau beli yang warna hitam, masih ada?', 'id'],
    ['harga paket 30GB berapa kak?', 'id'],
    ['beli di mana ya yang ori?', 'id'],
  ] as const)('purchase intent: %s', (text, language) => {
    expect(typeOf(text, language)).toBe('purchase_intent');
  });

  it.each([
    ['Flash sale today only: 50% off everything, use code HEMAT50 at checkout https://shop.example.com', 'en'],
    ['DISKON 30% semua produk! Pakai kode PROMO30, gratis ongkir se-Indonesia', 'id'],
    ['New arrivals in store, link in bio', 'en'],
  ] as const)('promo: %s', (text, language) => {
    expect(typeOf(text, language)).toBe('promo');
  });

  it('a promotion that fails is a complaint, not a promotion', () => {
    expect(typeOf('@ShopMart promo code SUMMER10 does not work at checkout, tried 5 times', 'en')).toBe('complaint');
    expect(typeOf('Kode promo HEMAT gak bisa dipake di app @TokoKita, udah nyoba berkali-kali', 'id')).toBe(
      'complaint',
    );
  });

  it('a customer asking about a promotion asks rather than promotes', () => {
    expect(typeOf('@NusaAir ada promo tiket ke Lombok bulan depan gak?', 'id')).not.toBe('promo');
  });

  it.each([
    ['Just landed in Tokyo with @SkyWays', 'en'],
    ['Hari ini belanja di @TokoKita', 'id'],
  ] as const)('other: %s', (text, language) => {
    expect(typeOf(text, language)).toBe('other');
  });
});

describe('isQuestion', () => {
  it('sees question marks, interrogatives and Indonesian tag questions', () => {
    expect(isQuestion(normaliseText('open on sunday?'))).toBe(true);
    expect(isQuestion(normaliseText('@x when does it open'))).toBe(true);
    expect(isQuestion(normaliseText('berapa harganya'))).toBe(true);
    expect(isQuestion(normaliseText('masih ada gak ya'))).toBe(true);
    expect(isQuestion(normaliseText('the flight was fine'))).toBe(false);
  });
});
