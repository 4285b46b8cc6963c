import { CONTRAST_WORDS, NEGATORS } from './sentiment-lexicon.js';
import { isWordToken } from './text-normalise.js';

/**
 * Hashed features for the linear sentiment model: word unigrams and bigrams (negated ones marked),
 * character 3–5-grams across word boundaries, and the lexicon's verdict. Shared by
 * scripts/train-sentiment.mjs and the runtime, so both see the same numbers.
 */

export const FEATURE_BITS = 18;
/** Bumped whenever the features change: the loader refuses weights trained on another version. */
export const FEATURE_VERSION = 2;
export const FEATURE_DIM = 1 << FEATURE_BITS;
const MASK = FEATURE_DIM - 1;

const SEED_WORD = 0x811c9dc5;
const SEED_BIGRAM = 0x2f1b3c5d;
const SEED_CHAR = 0x5bd1e995;
const SEED_LANG = 0x1b873593;
const NEGATED = 0x9e3779b1;
const SEED_LEXICON = 0x27d4eb2f;

/** What the lexicon found (see lexiconScore in sentiment.ts), offered to the model as features. */
export interface LexiconEvidence {
  /** −1…1. */
  score: number;
  careProblem: boolean;
  polarHits: number;
}

/** How far a negator reaches when no punctuation or "but" stops it first. */
export const NEGATION_REACH = 3;

function hashString(seed: number, s: string): number {
  let h = seed;
  for (let i = 0; i < s.length; i += 1) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h;
}

function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h & MASK;
}

function emphaticNever(tokens: readonly string[], at: number): boolean {
  for (let j = at + 1; j <= at + NEGATION_REACH && j < tokens.length; j += 1) {
    const t = tokens[j];
    if (t === 'so' || t === 'this' || t === 'such') return true;
  }
  return false;
}

/** 1 for tokens inside a negation's reach ("not [very good]", "tidak [puas]"). */
export function negationScope(tokens: readonly string[]): Uint8Array {
  const scope = new Uint8Array(tokens.length);
  let left = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] ?? '';
    if (NEGATORS.has(t)) {
      // "never been so happy", "never felt this good" praise rather than negate.
      left = t === 'never' && emphaticNever(tokens, i) ? 0 : NEGATION_REACH;
      continue;
    }
    if (!isWordToken(t) || CONTRAST_WORDS.has(t)) {
      left = 0;
      continue;
    }
    if (left > 0) {
      scope[i] = 1;
      left -= 1;
    }
  }
  return scope;
}

// The lexicon score in five strengths per sign: the model learns how far to trust each, per language.
function lexiconBin(score: number): string {
  const a = Math.abs(score);
  const strength = a < 0.15 ? 0 : a < 0.35 ? 1 : a < 0.6 ? 2 : a < 0.8 ? 3 : 4;
  return strength === 0 ? '0' : `${score > 0 ? '+' : '-'}${strength}`;
}

/**
 * Feature indices of one text (repeats allowed: a repeated feature counts twice). Every feature has the same
 * value, 1/√n, so long reviews and short posts land on one scale.
 */
export function sentimentFeatures(
  tokens: readonly string[],
  language: string | null,
  evidence: LexiconEvidence,
  out: number[] = [],
): number[] {
  out.length = 0;
  const lang = language ?? '?';
  out.push(finish(hashString(SEED_LANG, lang)));
  const bin = lexiconBin(evidence.score);
  out.push(finish(hashString(SEED_LEXICON, bin)), finish(hashString(SEED_LEXICON, `${lang}${bin}`)));
  if (evidence.careProblem) {
    out.push(finish(hashString(SEED_LEXICON, 'care')), finish(hashString(SEED_LEXICON, `care${lang}`)));
  }
  if (evidence.polarHits === 0) out.push(finish(hashString(SEED_LEXICON, 'nopolar')));
  const scope = negationScope(tokens);
  let previous = 0;
  let chars = ' ';
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] ?? '';
    let h = hashString(SEED_WORD, t);
    if (scope[i] === 1) h = Math.imul(h ^ NEGATED, 16777619);
    out.push(finish(h));
    if (i > 0) out.push(finish(Math.imul(previous ^ SEED_BIGRAM, 16777619) ^ h));
    previous = h;
    if (isWordToken(t)) chars += `${t} `;
  }
  for (let i = 0; i + 3 <= chars.length; i += 1) {
    let h = SEED_CHAR;
    const end = Math.min(chars.length, i + 5);
    for (let j = i; j < end; j += 1) {
      h ^= chars.charCodeAt(j);
      h = Math.imul(h, 16777619);
      if (j - i >= 2) out.push(finish(h));
    }
  }
  return out;
}
