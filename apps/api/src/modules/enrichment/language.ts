import { detectAll, toISO2 } from 'tinyld';
import { ENGLISH_ONLY_WORDS, INDONESIAN_ONLY_WORDS } from './sentiment-lexicon.js';
import type { NormalisedText } from './text-normalise.js';

/**
 * Language of a post, ISO 639-1. Cheap first: the source's declared language, then the script, then English
 * and Indonesian function words (most posts end here); only undecided Latin text goes to tinyld, restricted
 * to the workspace's languages plus a few common ones so that it cannot wander into rare neighbours.
 */

const COMMON_LANGUAGES = ['en', 'id', 'es', 'pt', 'fr', 'de', 'nl', 'it', 'tl', 'vi', 'tr'];

// Old and alternative codes seen in platform payloads (X still sends "in" for Indonesian).
const CODE_ALIASES = new Map([
  ['in', 'id'],
  ['iw', 'he'],
  ['ji', 'yi'],
  ['jw', 'jv'],
  ['zsm', 'ms'],
  ['fil', 'tl'],
]);

// Function words after normalisation (slang already mapped: "gak" → "tidak", "dont" → "do not").
const ENGLISH = new Set(
  `the a an and or but is are was were be been being am to of in on at for with from by about as into my your
  our their his her its me you we they he she it i this that these those not no do does did have has had will
  would can could should what why how when where who which there here just so if than then too very all any
  some please thanks thank still again get got now out up off only also because yet ever never really`.split(/\s+/),
);
const INDONESIAN = new Set(
  `yang dan di ke dari ini itu tidak bukan belum saya aku kamu kak min ada untuk dengan sudah bisa juga karena
  tapi apa kenapa gimana bagaimana kapan berapa mana sih dong kok deh banget saja lagi mau ya nya kalau masih
  sama atau jadi akan harus lebih sangat terima terimakasih kasih tolong mohon pak bu mas mbak lho loh kan pun
  lah kah dapat baru pakai orang hari terus gini begitu begini sekali udah kita kami mereka dia ini nih tuh
  sampai sudah buat karena jangan biar supaya agar pernah cuma hanya seperti kayak emang memang benar kali
  aku teman menurut menurutku dibantu bantu coba ingin banyak semua sekarang kemarin besok minggu bulan tahun
  jam abis habis sama gratis seminggu sebulan enak pesan beli mau sudah ya dong kak min`.split(/\s+/),
);
// Words that mark Indonesian on their own, even in a two-word post.
const INDONESIAN_CUES = new Set(
  `yang tidak banget dong sih kok nya sudah belum kak terimakasih gimana kenapa deh lho loh kayak emang saja
  mantap bagus jelek kecewa lemot`.split(/\s+/),
);
const ENGLISH_CUES = new Set(`the is are my your you thanks thank please not this what why how love`.split(/\s+/));

const SCRIPTS: [RegExp, string][] = [
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
  [/\p{Script=Hangul}/gu, 'ko'],
  [/\p{Script=Han}/gu, 'zh'],
  [/\p{Script=Thai}/gu, 'th'],
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Cyrillic}/gu, 'ru'],
  [/\p{Script=Devanagari}/gu, 'hi'],
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Hebrew}/gu, 'he'],
];
const NON_LATIN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;
const LETTERS = /\p{L}/gu;

/** "en-US" → "en", "in" → "id", "ind" → "id"; null for empty or unknown values. */
export function normaliseLanguageCode(code: string | null | undefined): string | null {
  if (code == null) return null;
  const base = code.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (base === '' || base === 'und' || base === 'mul' || base === 'zxx') return null;
  const alias = CODE_ALIASES.get(base);
  if (alias !== undefined) return alias;
  if (/^[a-z]{2}$/.test(base)) return base;
  if (/^[a-z]{3}$/.test(base)) {
    const two = toISO2(base);
    return two !== '' && two !== undefined ? two : null;
  }
  return null;
}

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n += 1;
  return n;
}

export class LanguageDetector {
  private readonly candidates: string[];
  private readonly indonesian: boolean;

  constructor(workspaceLanguages: readonly string[] = ['en', 'id']) {
    const own = workspaceLanguages.map((l) => normaliseLanguageCode(l)).filter((l): l is string => l !== null);
    this.candidates = [...new Set([...own, ...COMMON_LANGUAGES])];
    this.indonesian = own.includes('id') || own.includes('ms');
  }

  detect(text: NormalisedText, declared?: string | null): string | null {
    const given = normaliseLanguageCode(declared);
    if (given !== null) return this.malayAsIndonesian(given);

    const raw = text.lower;
    if (NON_LATIN.test(raw)) {
      const letters = count(LETTERS, raw);
      for (const [re, language] of SCRIPTS) {
        // Japanese mixes kana with Han, so kana is checked first and decides on a smaller share.
        const share = count(re, raw) / Math.max(1, letters);
        if (share >= (language === 'ja' ? 0.1 : 0.4)) return language;
      }
    }

    let en = 0;
    let id = 0;
    let enCue = false;
    let idCue = false;
    let enLexicon = 0;
    let idLexicon = 0;
    for (const t of text.tokens) {
      if (ENGLISH.has(t)) en += 1;
      else if (ENGLISH_ONLY_WORDS.has(t)) enLexicon += 1;
      if (INDONESIAN.has(t)) id += 1;
      else if (INDONESIAN_ONLY_WORDS.has(t)) idLexicon += 1;
      if (ENGLISH_CUES.has(t)) enCue = true;
      if (INDONESIAN_CUES.has(t)) idCue = true;
    }
    // A sentiment word of one language is weaker evidence than a function word, but decides short posts.
    if (enLexicon > 0 && idLexicon === 0 && id === 0) enCue = true;
    if (idLexicon > 0 && enLexicon === 0 && en === 0) idCue = true;
    const words = text.wordCount;
    if (words < 3) {
      if (idCue && !enCue) return 'id';
      if (enCue && !idCue) return 'en';
      return null;
    }
    // Clear majorities of function words decide without the n-gram model.
    const idEvidence = id + 0.5 * idLexicon;
    const enEvidence = en + 0.5 * enLexicon;
    if (idEvidence >= 2 && idEvidence >= 2 * enEvidence + 1 && idEvidence >= words * 0.15) return 'id';
    if (enEvidence >= 2 && enEvidence >= 2 * idEvidence + 1 && enEvidence >= words * 0.2) return 'en';
    if (words <= 6 && id === 0 && en > 0 && enEvidence >= words * 0.3) return 'en';
    if (words <= 6 && en === 0 && id > 0 && idEvidence >= words * 0.3) return 'id';

    const letters = text.tokens.filter((t) => t.length > 1 && !t.startsWith('_')).join(' ');
    if (letters.length < 8) return idCue ? 'id' : enCue ? 'en' : null;
    const [best] = detectAll(letters, { only: this.candidates });
    if (best === undefined || best.lang === '') return null;
    const language = this.malayAsIndonesian(best.lang);
    // tinyld is unsure on short mixed text: fall back on the function-word count.
    if (best.accuracy < 0.05 && (en > 0 || id > 0)) return en >= id ? 'en' : 'id';
    return language;
  }

  // Indonesian and Malay share most words; for an Indonesian workspace a Malay verdict is almost always wrong.
  private malayAsIndonesian(language: string): string {
    return language === 'ms' && this.indonesian ? 'id' : language;
  }
}
