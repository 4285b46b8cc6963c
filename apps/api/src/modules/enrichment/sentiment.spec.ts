import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SENTIMENT_CLASSES, macroF1, parseCareSet } from './sentiment-datasets.js';
import { FEATURE_BITS, FEATURE_DIM, FEATURE_VERSION } from './sentiment-features.js';
import { LinearSentimentModel, SentimentAnalyser, lexiconScore } from './sentiment.js';
import { normaliseText } from './text-normalise.js';

const analyser = new SentimentAnalyser();
const label = (text: string, language: 'en' | 'id') => analyser.analyse(normaliseText(text), language).label;

describe('sentiment', () => {
  it.each([
    ['the food was good', 'positive'],
    ['the food was not good', 'negative'],
    ["the crew wasn't helpful at all", 'negative'],
    ['not bad at all, quite happy with it', 'positive'],
    ['I have never been so happy with an airline', 'positive'],
  ] as const)('English negation: %s → %s', (text, expected) => {
    expect(label(text, 'en')).toBe(expected);
  });

  it.each([
    ['pelayanannya bagus', 'positive'],
    ['pelayanannya gak bagus', 'negative'],
    ['saya tidak puas dengan layanannya', 'negative'],
    ['aplikasinya udah gak lemot lagi, enak dipakai', 'positive'],
    ['belum pernah kecewa belanja di sini', 'positive'],
  ] as const)('Indonesian negation: %s → %s', (text, expected) => {
    expect(label(text, 'id')).toBe(expected);
  });

  it.each([
    ['sinyal lemot parah', 'negative'],
    ['kecewa banget sama kurirnya', 'negative'],
    ['anjir lemot banget', 'negative'],
    ['mantap, pengirimannya cepet', 'positive'],
    ['kenceng parah sinyalnya sekarang, mantul', 'positive'],
  ] as const)('Indonesian slang: %s → %s', (text, expected) => {
    expect(label(text, 'id')).toBe(expected);
  });

  it.each([
    ['@SkyWays flight delayed again 😡', 'en', 'negative'],
    ['@ShopMart got it today 😍🙏', 'en', 'positive'],
    ['@TokoKita paket datang 👍', 'id', 'positive'],
    ['@SinyalKu udah 3 hari begini 😤👎', 'id', 'negative'],
  ] as const)('emoji carry the tone: %s → %s', (text, language, expected) => {
    expect(label(text, language)).toBe(expected);
  });

  it.each([
    ['@SkyWays lost bag, 3 days and still no update', 'en'],
    ['@SkyWays my flight got cancelled and I am still waiting for a refund', 'en'],
    ['@TelcoNet on hold for 40 minutes, no response', 'en'],
    ['@ShopMart app keeps crashing at checkout', 'en'],
    ['@NusaAir pesawat telat 2 jam tanpa info', 'id'],
    ['@TokoKita paket belum sampai padahal udah seminggu', 'id'],
    ['@SinyalKu gak bisa login dari pagi', 'id'],
    ['@NusaAir penerbangan dibatalkan, bagasi hilang', 'id'],
  ] as const)('customer-care complaints without strong words are negative: %s', (text, language) => {
    expect(label(text, language)).toBe('negative');
  });

  it('trusts the lexicon when the model reads a topic as a feeling', () => {
    // The review corpus is full of praised coffee and food; complaints about them must still read negative.
    expect(label('Es nya kebanyakan, kopinya encer, makin gak konsisten', 'id')).toBe('negative');
    expect(label('Aku juga nunggu refund nih, gak jelas', 'id')).toBe('negative');
    // A care post (it names the brand) is the lexicon's ground; the same words in chatter follow the model.
    const watery = normaliseText('The cold brew was so watery today');
    expect(analyser.analyse(watery, 'en', true).label).toBe('negative');
    expect(label('@brewco the cold brew was so watery today', 'en')).toBe('negative');
  });

  it('reads intensifiers as stronger', () => {
    const plain = lexiconScore(normaliseText('the service was good')).score;
    const very = lexiconScore(normaliseText('the service was very good')).score;
    const banget = lexiconScore(normaliseText('pelayanannya bagus banget')).score;
    const bagus = lexiconScore(normaliseText('pelayanannya bagus')).score;
    expect(very).toBeGreaterThan(plain);
    expect(banget).toBeGreaterThan(bagus);
  });

  it('weighs what follows "but"/"tapi" more', () => {
    expect(label('the seats were comfortable but the staff were rude and unhelpful', 'en')).toBe('negative');
    expect(label('harganya agak mahal tapi kualitasnya mantap banget', 'id')).toBe('positive');
  });

  it('reads sarcastic thanks for a trouble as negative', () => {
    expect(lexiconScore(normaliseText('thanks for cancelling my flight')).score).toBeLessThan(0);
  });

  it('keeps plain questions and statements neutral', () => {
    expect(label('@SkyWays what is the baggage allowance for economy?', 'en')).toBe('neutral');
    expect(label('@TokoKita kak, ini bisa COD gak?', 'id')).toBe('neutral');
    expect(label('Flying to Bali tomorrow', 'en')).toBe('neutral');
  });

  it('scores within −1…1 and says neutral for text without words', () => {
    for (const text of ['', '   ', 'https://example.com', '@someone']) {
      const a = analyser.analyse(normaliseText(text), null);
      expect(a).toMatchObject({ label: 'neutral', score: 0 });
    }
    const angry = analyser.analyse(
      normaliseText('WORST. AIRLINE. EVER!!! 😡😡😡 never again, absolutely disgusting'),
      'en',
    );
    expect(angry.score).toBeGreaterThanOrEqual(-1);
    expect(angry.score).toBeLessThan(-0.5);
  });
});

describe('shipped model', () => {
  it('loads and tells clear positive from clear negative text in both languages', () => {
    const model = new LinearSentimentModel();
    const predict = (text: string, language: string) => {
      const normalised = normaliseText(text);
      return model.predict(normalised.tokens, language, lexiconScore(normalised));
    };
    const [negEn, , posEn] = predict('this is the worst, I hate it', 'en');
    expect(negEn).toBeGreaterThan(posEn);
    const [negId, , posId] = predict('tempatnya nyaman dan makanannya enak sekali', 'id');
    expect(posId).toBeGreaterThan(negId);
  });

  it('refuses weights made for other features', () => {
    expect(
      () =>
        new LinearSentimentModel({
          format: 'x',
          featureBits: 12,
          classes: [...SENTIMENT_CLASSES],
          scale: 1,
          bias: [0, 0, 0],
          weights: '',
        }),
    ).toThrow(/retrain/);
  });

  it('refuses weights trained on an older feature set', () => {
    const shipped = new LinearSentimentModel();
    expect(shipped).toBeInstanceOf(LinearSentimentModel);
    expect(
      () =>
        new LinearSentimentModel({
          format: 'dengar-sentiment-linear-1',
          featureBits: FEATURE_BITS,
          featureVersion: FEATURE_VERSION - 1,
          classes: [...SENTIMENT_CLASSES],
          scale: 1,
          bias: [0, 0, 0],
          weights: Buffer.alloc(FEATURE_DIM * 3).toString('base64'),
        }),
    ).toThrow(/retrain/);
  });
});

describe('hand-written customer-care set (held out from tuning)', () => {
  const rows = parseCareSet(readFileSync(new URL('./care-set.test-data.tsv', import.meta.url), 'utf8'));

  it.each(['en', 'id'] as const)('reaches macro-F1 ≥ 0.75 in %s', (language) => {
    const subset = rows.filter((r) => r.language === language);
    expect(subset.length).toBeGreaterThanOrEqual(50);
    const predicted = subset.map((r) => SENTIMENT_CLASSES.indexOf(label(r.text, language)));
    const { macro } = macroF1(
      subset.map((r) => r.label),
      predicted,
    );
    expect(macro).toBeGreaterThanOrEqual(0.75);
  });
});
