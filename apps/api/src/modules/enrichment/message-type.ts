import { CARE_TOPICS } from './sentiment-lexicon.js';
import type { SentimentAnalysis } from './sentiment.js';
import { USER_TOKEN, isWordToken, type NormalisedText } from './text-normalise.js';

export type MessageType = 'question' | 'complaint' | 'praise' | 'purchase_intent' | 'promo' | 'other';

interface Cues {
  words: Set<string>;
  /** Multi-word cues by their first token. */
  phrases: Map<string, string[][]>;
}

/** Cues are written in canonical tokens ("mau beli", "di mana", "can not"), separated by `|`. */
function cueSet(text: string): Cues {
  const words = new Set<string>();
  const phrases = new Map<string, string[][]>();
  for (const cue of text.split('|').map((c) => c.trim().replace(/\s+/g, ' '))) {
    if (cue === '') continue;
    const tokens = cue.split(' ');
    const first = tokens[0] ?? '';
    if (tokens.length === 1) words.add(first);
    else phrases.set(first, [...(phrases.get(first) ?? []), tokens]);
  }
  return { words, phrases };
}

const QUESTION_STARTS = new Set(
  `what|how|when|where|why|who|which|whom|whose|can|could|do|does|did|is|are|was|were|will|would|should|shall|
  may|might|any|anyone|anybody|apa|apakah|bagaimana|gimana|kapan|berapa|kenapa|mengapa|dimana|siapa|bisakah|
  bolehkah|adakah|mana|kok`
    .split('|')
    .map((w) => w.trim()),
);
const QUESTION_CUES = cueSet(`
  apakah|bagaimana|gimana|kapan|berapa|kenapa|mengapa|dimana|kah|bisakah|bolehkah|adakah|siapa|
  tidak ya|ya kak|ya min|gimana ya|apa ya|bisa tidak|boleh tidak|ada tidak|masih tidak|how do i|how can i|
  can i|can you|could you|do you|does it|is there|are there|is it|what is|what time|any idea|anyone know|
  does anyone|wondering|question|pertanyaan|mau tanya|numpang tanya|tanya dong|cara|caranya`);

const PURCHASE_CUES = cueSet(`
  where can i buy|where to buy|where do i buy|how much|price|prices|pricing|cost|costs|recommend|recommendation|
  recommendations|worth it|worth buying|should i get|should i buy|thinking of buying|thinking of getting|
  thinking of switching|want to buy|wanna buy|looking to buy|looking for|in stock|back in stock|available in|
  interested in|sign up|subscribe|upgrade to|plan|plans|deal|deals|quote|order one|buy one|get one|gift card|
  gift cards|mau beli|pengen beli|ingin beli|beli di mana|beli dimana|belinya di mana|belinya dimana|harga|
  harganya|berapa harga|berapaan|ongkir|rekomendasi|rekomen|rekomendasiin|worth|cod|ready|stok|stock|
  cara beli|cara order|cara pesan|mau order|mau pesan|bisa order|bisa pesan|bisa kirim|kirim ke|tersedia|
  paket|langganan|daftar|promo|diskon|murah|termurah|cicilan|kredit|bundling|want to order|like to order|
  nearest|deket|dekat|terdekat|ingin|pesan apa|mau coba`);

// Promotion by a brand or seller: offers, codes and calls to action. Customers asking about an offer
// ("apa ada promo?") are questions, not promotions.
const PROMO_CUES = cueSet(`
  discount|discounts|off|sale|promo|promotion|voucher|vouchers|coupon|code|kode|cashback|diskon|potongan|
  gratis ongkir|free shipping|free delivery|flash sale|limited|terbatas|giveaway|bonus|hemat|special offer|
  penawaran|buruan|jangan sampai kehabisan|order now|shop now|buy now|book now|pesan sekarang|order sekarang|
  beli sekarang|checkout sekarang|klik|click|link in bio|link di bio|cek bio|swipe up|use code|pakai kode|
  gunakan kode|kode promo|promo code|ready stock|open order|dm for|wa|whatsapp|hubungi|only|mulai dari|
  starting at|new arrival|launch|launching|tersedia sekarang|available now|persen`);
const PROMO_STRONG = cueSet(`
  use code|pakai kode|gunakan kode|kode promo|promo code|link in bio|link di bio|cek bio|shop now|order now|
  buy now|order sekarang|pesan sekarang|beli sekarang|checkout sekarang|flash sale|gratis ongkir|free shipping|
  ready stock|open order|swipe up|buruan|jangan sampai kehabisan|giveaway|cashback|buy _num_ get _num_|
  beli _num_ gratis _num_|free entry|gratis masuk|tag _num_|last day|hari terakhir|do not miss|jangan lewatkan|
  ends today|berakhir hari ini|this week only|minggu ini saja`);

function countCues(tokens: readonly string[], cues: Cues): number {
  let n = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] ?? '';
    if (cues.words.has(t)) n += 1;
    const candidates = cues.phrases.get(t);
    if (candidates === undefined) continue;
    for (const phrase of candidates) {
      let j = 1;
      while (j < phrase.length && tokens[i + j] === phrase[j]) j += 1;
      if (j === phrase.length) n += 1;
    }
  }
  return n;
}

export function isQuestion(text: NormalisedText): boolean {
  if (text.questionMarks > 0) return true;
  const first = text.tokens.find((t) => t !== USER_TOKEN && isWordToken(t));
  if (first !== undefined && QUESTION_STARTS.has(first)) return true;
  return countCues(text.tokens, QUESTION_CUES) > 0;
}

/**
 * Rules, in order: promotion, complaint (negative), purchase intent, question, praise (positive), other.
 * A negative question ("why is my data so slow?") is a complaint; a price question is purchase intent.
 */
export function classifyMessage(text: NormalisedText, sentiment: SentimentAnalysis): MessageType {
  const { tokens } = text;
  const question = isQuestion(text);
  const percent = /\d\s?%/.test(text.lower) ? 1 : 0;
  const promo = countCues(tokens, PROMO_CUES) + percent;
  const promoStrong = countCues(tokens, PROMO_STRONG);
  // "promo code doesn't work" is a complaint about a promotion, not one.
  const troubled = sentiment.label === 'negative' && sentiment.careProblem;
  if (!question && !troubled && (promoStrong >= 1 || promo >= 3 || (promo >= 2 && text.urls.length > 0))) {
    return 'promo';
  }

  if (sentiment.label === 'negative') {
    // Negative and about service, or addressed to someone (a brand's @handle): a complaint.
    const careTopic = tokens.some((t) => CARE_TOPICS.has(t));
    if (sentiment.careProblem || careTopic || text.mentions.length > 0 || sentiment.score <= -0.4) return 'complaint';
  }
  const purchase = countCues(tokens, PURCHASE_CUES);
  if (purchase > 0 && (question || purchase >= 2) && sentiment.label !== 'negative') return 'purchase_intent';
  if (question) return 'question';
  if (sentiment.label === 'positive') return 'praise';
  return 'other';
}
