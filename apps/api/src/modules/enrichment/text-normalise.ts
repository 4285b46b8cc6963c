/**
 * One tokeniser for every enrichment step and for training: real posts (mixed case, slang, emoji, links)
 * and the lower-cased, tokenised, mostly formal training text must come out as the same token stream.
 */
import { isLexiconWord } from './sentiment-lexicon.js';

export const URL_TOKEN = '_url_';
export const USER_TOKEN = '_user_';
export const NUM_TOKEN = '_num_';
/** A closing Indonesian "gak?" / "tidak?" ("or not?"). */
export const TAG_QUESTION = 'atau-tidak';

export interface NormalisedText {
  /** Canonical tokens: lower-case words with slang mapped to standard forms, emoji, `!`, `?`, `.` and the
   * placeholders `_url_`, `_user_`, `_num_`. Hashtags contribute their words. */
  tokens: string[];
  /** Parallel to `tokens`: 1 when the source word was written in capitals (≥ 2 letters). */
  shouted: Uint8Array;
  urls: string[];
  /** Lower-cased, without `@` (a Mastodon `@user@host` keeps its host). */
  mentions: string[];
  /** Lower-cased, without `#`. */
  hashtags: string[];
  /** Word tokens (not emoji, punctuation or placeholders). */
  wordCount: number;
  emojiCount: number;
  exclamations: number;
  questionMarks: number;
  /** Share of upper-case letters among letters, 0…1. */
  capsRatio: number;
  /** NFKC, lower-cased: for phrase rules that want the text as written. */
  lower: string;
}

// Indonesian and English chat spellings mapped to the standard forms the training text uses.
const SLANG: Record<string, string> = {
  // negators
  gak: 'tidak',
  ga: 'tidak',
  gk: 'tidak',
  g: 'tidak',
  nggak: 'tidak',
  ngga: 'tidak',
  nggk: 'tidak',
  ngak: 'tidak',
  enggak: 'tidak',
  engga: 'tidak',
  egk: 'tidak',
  kagak: 'tidak',
  kaga: 'tidak',
  gak2: 'tidak',
  tak: 'tidak',
  ndak: 'tidak',
  nda: 'tidak',
  tdk: 'tidak',
  tida: 'tidak',
  blm: 'belum',
  blum: 'belum',
  blom: 'belum',
  belom: 'belum',
  jgn: 'jangan',
  jangn: 'jangan',
  bkn: 'bukan',
  // function words
  yg: 'yang',
  dgn: 'dengan',
  dg: 'dengan',
  udh: 'sudah',
  udah: 'sudah',
  sdh: 'sudah',
  dah: 'sudah',
  uda: 'sudah',
  krn: 'karena',
  karna: 'karena',
  soalnya: 'karena',
  aja: 'saja',
  aj: 'saja',
  doang: 'saja',
  bs: 'bisa',
  bsa: 'bisa',
  kalo: 'kalau',
  klo: 'kalau',
  kl: 'kalau',
  klu: 'kalau',
  sy: 'saya',
  tp: 'tapi',
  tpi: 'tapi',
  jg: 'juga',
  jga: 'juga',
  dr: 'dari',
  utk: 'untuk',
  untk: 'untuk',
  bener: 'benar',
  bnr: 'benar',
  emang: 'memang',
  emg: 'memang',
  lg: 'lagi',
  lgi: 'lagi',
  sm: 'sama',
  org: 'orang',
  tau: 'tahu',
  bgt: 'banget',
  bgtt: 'banget',
  bngt: 'banget',
  bangett: 'banget',
  'bener-bener': 'benar-benar',
  gmn: 'gimana',
  gmana: 'gimana',
  bgmn: 'bagaimana',
  knp: 'kenapa',
  napa: 'kenapa',
  ngapa: 'kenapa',
  brp: 'berapa',
  brapa: 'berapa',
  kpn: 'kapan',
  dmn: 'dimana',
  mana2: 'mana-mana',
  pake: 'pakai',
  nyampe: 'sampai',
  nyampai: 'sampai',
  sampe: 'sampai',
  ampe: 'sampai',
  dateng: 'datang',
  bales: 'balas',
  dibales: 'dibalas',
  bls: 'balas',
  cepet: 'cepat',
  cpt: 'cepat',
  mantab: 'mantap',
  mantep: 'mantap',
  mantul: 'mantap',
  mantapp: 'mantap',
  ok: 'oke',
  okey: 'oke',
  okay: 'oke',
  oce: 'oke',
  sip: 'oke',
  sipp: 'oke',
  makasih: 'terimakasih',
  makasi: 'terimakasih',
  mksh: 'terimakasih',
  mks: 'terimakasih',
  trims: 'terimakasih',
  trimakasih: 'terimakasih',
  terimakasih: 'terimakasih',
  tks: 'terimakasih',
  bikin: 'membuat',
  gini: 'begini',
  gitu: 'begitu',
  nih: 'ini',
  tuh: 'itu',
  skrg: 'sekarang',
  skrng: 'sekarang',
  sekrg: 'sekarang',
  trs: 'terus',
  trus: 'terus',
  tetep: 'tetap',
  kmrn: 'kemarin',
  kemaren: 'kemarin',
  hrs: 'harus',
  msh: 'masih',
  masi: 'masih',
  sgt: 'sangat',
  bnyk: 'banyak',
  byk: 'banyak',
  dpt: 'dapat',
  dapet: 'dapat',
  liat: 'lihat',
  ngasih: 'kasih',
  gede: 'besar',
  duit: 'uang',
  nunggu: 'menunggu',
  ilang: 'hilang',
  dibenerin: 'diperbaiki',
  benerin: 'perbaiki',
  ngalamin: 'mengalami',
  pesen: 'pesan',
  mesen: 'pesan',
  temen: 'teman',
  pengen: 'ingin',
  pingin: 'ingin',
  balikin: 'kembalikan',
  dibalikin: 'dikembalikan',
  nyoba: 'coba',
  nyobain: 'coba',
  nungguin: 'menunggu',
  tunggu: 'menunggu',
  // English chat spellings
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  isnt: 'is not',
  arent: 'are not',
  wasnt: 'was not',
  werent: 'were not',
  cant: 'can not',
  cannot: 'can not',
  couldnt: 'could not',
  wouldnt: 'would not',
  shouldnt: 'should not',
  havent: 'have not',
  hasnt: 'has not',
  hadnt: 'had not',
  aint: 'not',
  wont: 'will not',
  im: 'i',
  ive: 'i',
  u: 'you',
  ur: 'your',
  pls: 'please',
  plz: 'please',
  plis: 'please',
  pleasee: 'please',
  thx: 'thanks',
  thnx: 'thanks',
  thanx: 'thanks',
  tnx: 'thanks',
  ty: 'thanks',
  tq: 'thanks',
  tysm: 'thanks',
  luv: 'love',
  gr8: 'great',
  bc: 'because',
  cuz: 'because',
  coz: 'because',
  b4: 'before',
  msg: 'message',
  custserv: 'customer service',
};

const N_T = new Map([
  ["can't", ['can', 'not']],
  ["won't", ['will', 'not']],
  ["ain't", ['not']],
  ["shan't", ['shall', 'not']],
]);

// Words ending in "nya" that are not a stem plus the -nya suffix.
const NYA_WORDS = new Set([
  'punya',
  'hanya',
  'tanya',
  'bertanya',
  'ditanya',
  'menanya',
  'nanya',
  'kenya',
  'sanya',
  'bahwasanya',
  'sesungguhnya',
  'seharusnya',
  'sebenarnya',
  'biasanya',
  'akhirnya',
  'rupanya',
  'sepertinya',
  'kayaknya',
  'kelihatannya',
  'sayangnya',
  'untungnya',
  'pertamanya',
  'harusnya',
  'katanya',
  'nyanya',
]);

// One pass over the text; group order decides the token kind.
const TOKEN_RE = new RegExp(
  [
    /((?:https?:\/\/|www\.)[^\s<>"']+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|id|co|ly|io|me|xyz|shop|store|link|info|biz|app|site|online|top|click|gl|to|cc|vip|bet|club|live)(?:\/[^\s<>"']*)?(?![\p{L}\p{N}]))/u
      .source,
    /((?<![\p{L}\p{N}_.])@[\p{L}\p{N}_]+(?:[.-][\p{L}\p{N}_]+)*(?:@[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)+)?)/u.source,
    /(#[\p{L}\p{N}_]+)/u.source,
    /((?<![\p{L}\p{N}])(?:[:;=][-'^o]?[)(\][dDpP3/\\|*]+|<3+|\)+[-']?[:;=])(?![\p{L}\p{N}]))/u.source,
    /([\p{L}\p{M}\p{N}]+(?:['’`\-&][\p{L}\p{M}\p{N}]+)*)/u.source,
    /(\p{Extended_Pictographic}|\p{Regional_Indicator}{2})/u.source,
    /([!?¡¿]+|[.,;:…]+|\n)/u.source,
  ].join('|'),
  'giu',
);

const EMOTICONS = new Map<string, string>(
  Object.entries({
    ':)': '🙂',
    ':-)': '🙂',
    ':]': '🙂',
    '=)': '🙂',
    ':d': '😀',
    ':-d': '😀',
    ';)': '😉',
    ';-)': '😉',
    ':p': '😛',
    ':-p': '😛',
    ':(': '🙁',
    ':-(': '🙁',
    ':[': '🙁',
    '=(': '🙁',
    ":'(": '😢',
    ':/': '😕',
    ':-/': '😕',
    ':\\': '😕',
    ':|': '😐',
    ':*': '😘',
    '<3': '❤',
  }),
);

// Extended_Pictographic also covers these signs, which say nothing about a post's tone.
const NOT_EMOJI = new Set(['©', '®', '™', '‼', '⁉', '↩', '↪', '▪', '▫', '◾', '◽', '⬛', '⬜']);

const NUMBER_RE = /^\p{N}+(?:[.,:]\p{N}+)*$/u;
const REDUP_RE = /^(\p{L}{2,})2$/u;
const ELONGATED_RE = /(\p{L})\1{2,}/gu;
const DOUBLED_RE = /(\p{L})\1+/gu;

// Maps are much faster than object keys for lookups of arbitrary words (no prototype, no dictionary mode).
const SLANG_MAP = new Map(Object.entries(SLANG).map(([k, v]) => [k, v.split(' ')]));

function hasRunOfThree(word: string): boolean {
  for (let i = 2; i < word.length; i += 1) {
    const c = word.charCodeAt(i);
    if (c === word.charCodeAt(i - 1) && c === word.charCodeAt(i - 2)) return true;
  }
  return false;
}

/** "goooood" → "good", "bangeeet" → "banget": collapse runs of 3+ letters, then to 1 if that is a known form. */
function unElongate(word: string): string {
  if (!hasRunOfThree(word)) return word;
  const two = word.replace(ELONGATED_RE, '$1$1');
  if (isKnown(two)) return two;
  const one = word.replace(DOUBLED_RE, '$1');
  return isKnown(one) ? one : two;
}

function isKnown(w: string): boolean {
  return SLANG_MAP.has(w) || isLexiconWord(w);
}

function pushWord(out: string[], shouted: number[], word: string, shout: number): void {
  const slang = SLANG_MAP.get(word);
  if (slang === undefined) {
    out.push(word);
    shouted.push(shout);
    return;
  }
  for (const part of slang) {
    out.push(part);
    shouted.push(shout);
  }
}

function addWord(out: string[], shouted: number[], original: string): void {
  let word = original.toLowerCase();
  const s = word !== original && original.length >= 2 && original === original.toUpperCase() ? 1 : 0;
  const first = word.charCodeAt(0);
  if (first >= 48 && first <= 57 && NUMBER_RE.test(word)) {
    out.push(NUM_TOKEN);
    shouted.push(0);
    return;
  }
  if (word.includes('’') || word.includes('`')) word = word.replace(/[’`]/g, "'");
  const contraction = N_T.get(word);
  if (contraction !== undefined) {
    for (const part of contraction) {
      out.push(part);
      shouted.push(s);
    }
    return;
  }
  const apostrophe = word.indexOf("'");
  if (apostrophe > 0) {
    if (word.endsWith("n't")) {
      pushWord(out, shouted, word.slice(0, -3), s);
      out.push('not');
      shouted.push(s);
      return;
    }
    word = word.slice(0, apostrophe); // it's, I'm, you're, brand's
  }
  if (word.endsWith('2')) {
    const redup = REDUP_RE.exec(word);
    if (redup !== null) word = `${redup[1]}-${redup[1]}`;
  }
  word = unElongate(word);
  if (word.length >= 6 && word.endsWith('nya') && !NYA_WORDS.has(word) && !SLANG_MAP.has(word)) {
    pushWord(out, shouted, word.slice(0, -3), s);
    out.push('nya');
    shouted.push(0);
    return;
  }
  pushWord(out, shouted, word, s);
}

/** Share of upper-case letters among cased letters. */
function capsRatio(text: string): number {
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      letters += 1;
      upper += 1;
    } else if (c >= 97 && c <= 122) letters += 1;
    else if (c >= 192) {
      const ch = text[i] ?? '';
      const lower = ch.toLowerCase();
      if (lower !== ch.toUpperCase()) {
        letters += 1;
        if (ch !== lower) upper += 1;
      }
    }
  }
  return letters === 0 ? 0 : upper / letters;
}

/** Splits a hashtag body into words where it changes case or script ("#BadService" → bad, service). */
function hashtagWords(tag: string): string[] {
  const parts = tag.match(/\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|\p{N}+/gu);
  return parts ?? [tag];
}

export function normaliseText(input: string): NormalisedText {
  const text = input.normalize('NFKC');
  const tokens: string[] = [];
  const shouted: number[] = [];
  const urls: string[] = [];
  const mentions: string[] = [];
  const hashtags: string[] = [];
  let exclamations = 0;
  let questionMarks = 0;
  let emojiCount = 0;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    if (m[1] !== undefined) {
      urls.push(m[1].replace(/[.,;:!?)]+$/, ''));
      tokens.push(URL_TOKEN);
      shouted.push(0);
    } else if (m[2] !== undefined) {
      mentions.push(m[2].slice(1).toLowerCase());
      tokens.push(USER_TOKEN);
      shouted.push(0);
    } else if (m[3] !== undefined) {
      const tag = m[3].slice(1);
      hashtags.push(tag.toLowerCase());
      for (const w of hashtagWords(tag)) addWord(tokens, shouted, w);
    } else if (m[4] !== undefined) {
      const face = EMOTICONS.get(m[4].toLowerCase().replace(/([)(\][dp3/\\|*])\1+$/, '$1'));
      if (face !== undefined) {
        tokens.push(face);
        shouted.push(0);
        emojiCount += 1;
      }
    } else if (m[5] !== undefined) {
      addWord(tokens, shouted, m[5]);
    } else if (m[6] !== undefined) {
      if (NOT_EMOJI.has(m[6])) continue;
      tokens.push(m[6]);
      shouted.push(0);
      emojiCount += 1;
    } else if (m[7] !== undefined) {
      const p = m[7];
      const q = countChar(p, '?') + countChar(p, '¿');
      const e = countChar(p, '!') + countChar(p, '¡');
      questionMarks += q;
      exclamations += e;
      const token = q > 0 ? '?' : e > 0 ? '!' : '.';
      if (tokens[tokens.length - 1] !== token) {
        tokens.push(token);
        shouted.push(0);
      }
    }
  }
  markIndonesianIdioms(tokens);
  let wordCount = 0;
  for (const t of tokens) if (isWordToken(t)) wordCount += 1;
  return {
    tokens,
    shouted: Uint8Array.from(shouted),
    urls,
    mentions,
    hashtags,
    wordCount,
    emojiCount,
    exclamations,
    questionMarks,
    capsRatio: capsRatio(text),
    lower: text.toLowerCase(),
  };
}

const TAG_QUESTION_FILLERS = new Set(['ya', 'sih', 'kak', 'ka', 'min', 'gan', 'sis', 'bang', 'mas', 'mbak', 'kah']);

/** A closing "gak" asks "or not?" ("bisa COD gak?", "masih berlaku nggak ya?") and negates nothing. */
function markIndonesianIdioms(tokens: string[]): void {
  for (let i = 0; i < tokens.length; i += 1) {
    // "belum pernah" (not yet ever) reads as "tidak pernah", the form the corpus uses.
    if (tokens[i] === 'belum' && tokens[i + 1] === 'pernah') tokens[i] = 'tidak';
    if (tokens[i] !== 'tidak') continue;
    let j = i + 1;
    while (TAG_QUESTION_FILLERS.has(tokens[j] ?? '')) j += 1;
    if (tokens[j] === '?') tokens[i] = TAG_QUESTION;
  }
}

function countChar(s: string, c: string): number {
  let n = 0;
  for (const ch of s) if (ch === c) n += 1;
  return n;
}

const PUNCT = new Set(['!', '?', '.']);

const LETTER_OR_DIGIT_RE = /^[\p{L}\p{N}]/u;

export function isWordToken(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c === 95 /* _ */ && (t === URL_TOKEN || t === USER_TOKEN || t === NUM_TOKEN)) return false;
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  return !PUNCT.has(t) && LETTER_OR_DIGIT_RE.test(t);
}
