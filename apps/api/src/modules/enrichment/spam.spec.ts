import { describe, expect, it } from 'vitest';
import { detectSpam } from './spam.js';
import { normaliseText } from './text-normalise.js';

const spam = (text: string) => detectSpam(normaliseText(text));

describe('detectSpam', () => {
  it('flags the classic cheap boots comment', () => {
    const verdict = spam(
      'Cheap UGG boots outlet online, 70% off! http://uggs-outlet.example.xyz/sale http://uggs-outlet.example.xyz/sale',
    );
    expect(verdict.isSpam).toBe(true);
    expect(verdict.reason).toContain('counterfeit goods');
  });

  it('flags counterfeit watches with one link', () => {
    expect(spam('replica watches best price, buy now www.watches.example.com').isSpam).toBe(true);
  });

  it.each([
    'slot gacor hari ini maxwin, daftar sekarang',
    'Pinjol cair cepat tanpa jaminan, hubungi WA 0812-3456-7890',
    'BTC giveaway! send 1 btc and get 2 back https://give.example.top',
    'situs judi online terpercaya, deposit pulsa tanpa potongan',
  ])('flags gambling, loans and crypto bait: %s', (text) => {
    const verdict = spam(text);
    expect(verdict.isSpam).toBe(true);
    expect(verdict.reason).not.toBeNull();
  });

  it.each([
    'Loved this. Cheap essay writing service, 24/7: https://essays.example/buy',
    'Get 10,000 followers FAST and CHEAP https://growth.example/buy best price guaranteed',
    'Kerja dari rumah gaji 5jt/minggu, daftar gratis https://kerja.example/daftar',
    'Sepatu boots murah grosir ecer, cek katalog https://sepatu.example/katalog https://sepatu.example/promo',
  ])('flags money-making bait, fake followers and wholesale link drops: %s', (text) => {
    expect(spam(text).isSpam).toBe(true);
  });

  it('flags many links', () => {
    const verdict = spam('check https://a.example.com https://b.example.com https://c.example.com');
    expect(verdict).toEqual({ isSpam: true, reason: expect.stringContaining('3 links') });
  });

  it('flags all-caps selling with a contact number', () => {
    const verdict = spam('JUAL IPHONE MURAH BERGARANSI HUBUNGI WA 0812 3456 7890');
    expect(verdict.isSpam).toBe(true);
    expect(verdict.reason).toMatch(/contact-me selling|all-caps selling/);
  });

  it.each([
    '@SkyWays my flight is delayed, details here https://status.example.com/SW212',
    'Wrote up my trip with @SkyWays, honestly great crew https://blog.example.com/bali-trip',
    '@TokoKita paket saya belum sampai, ini nomor resinya https://track.example.co.id/123',
    'Is this a replica or the original? @ShopMart',
    '@ShopMart is the 50% off sale still on? want to buy the boots',
  ])('leaves an ordinary post alone: %s', (text) => {
    expect(spam(text)).toEqual({ isSpam: false, reason: null });
  });
});
