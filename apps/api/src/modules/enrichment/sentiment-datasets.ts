/**
 * Readers for the labelled corpora the sentiment model is trained and measured on (used by the scripts in
 * scripts/, never at runtime). The corpora are not part of the project; only these parsing rules are.
 */

export const SENTIMENT_CLASSES = ['negative', 'neutral', 'positive'] as const;
export type SentimentClass = (typeof SENTIMENT_CLASSES)[number];

export interface LabelledText {
  text: string;
  /** Index into SENTIMENT_CLASSES. */
  label: number;
}

const classIndex = (name: string): number => SENTIMENT_CLASSES.indexOf(name as SentimentClass);

/**
 * GoEmotions grouped by sentiment: `text<TAB>labels<TAB>id`, labels index `labels.txt`
 * (ambiguous, negative, neutral, positive), comma-separated when raters gave several.
 *
 * Rule: "ambiguous" (surprise, confusion, curiosity, realisation) carries no polarity and is dropped from the
 * label set; a row is kept when exactly one of negative/neutral/positive remains. Rows that are only
 * ambiguous, or that mix polarities (negative+positive, neutral+either), are left out of training and
 * measurement alike.
 */
export function parseGoEmotions(tsv: string, labelsTxt: string): LabelledText[] {
  const names = labelsTxt.split(/\r?\n/).map((l) => l.trim());
  const rows: LabelledText[] = [];
  for (const line of tsv.split(/\r?\n/)) {
    if (line === '') continue;
    const [text, labels] = line.split('\t');
    if (text === undefined || labels === undefined) continue;
    const polar = new Set<number>();
    for (const raw of labels.split(',')) {
      const name = names[Number(raw)];
      if (name === undefined) continue;
      const k = classIndex(name);
      if (k >= 0) polar.add(k);
    }
    if (polar.size !== 1) continue;
    const [label] = polar;
    if (label === undefined) continue;
    // Reddit user names were masked as [NAME]; on social media the same slot is an @handle.
    rows.push({ text: text.replace(/\[NAME\]/g, '@someone').replace(/\[RELIGION\]/g, 'religion'), label });
  }
  return rows;
}

/** IndoNLU SmSA: `text<TAB>label` with label positive / neutral / negative. */
export function parseSmsa(tsv: string): LabelledText[] {
  const rows: LabelledText[] = [];
  for (const line of tsv.split(/\r?\n/)) {
    if (line === '') continue;
    const cut = line.lastIndexOf('\t');
    const label = classIndex(line.slice(cut + 1).trim());
    if (cut < 0 || label < 0) continue;
    rows.push({ text: line.slice(0, cut), label });
  }
  return rows;
}

export interface CareExample {
  language: 'en' | 'id';
  label: number;
  type: string;
  text: string;
}

/** The hand-written customer-care sets in this folder: `lang<TAB>sentiment<TAB>type<TAB>text`, `#` comments. */
export function parseCareSet(tsv: string): CareExample[] {
  const rows: CareExample[] = [];
  for (const line of tsv.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) continue;
    const [language, sentiment, type, ...rest] = line.split('\t');
    const label = classIndex(sentiment ?? '');
    if ((language !== 'en' && language !== 'id') || label < 0 || type === undefined || rest.length === 0) {
      throw new Error(`bad care-set line: ${line}`);
    }
    rows.push({ language, label, type, text: rest.join('\t') });
  }
  return rows;
}

/** Macro-F1 over the three classes, plus per-class F1 and accuracy. */
export function macroF1(
  gold: readonly number[],
  predicted: readonly number[],
): { macro: number; perClass: number[]; accuracy: number } {
  const K = SENTIMENT_CLASSES.length;
  const tp = new Array<number>(K).fill(0);
  const fp = new Array<number>(K).fill(0);
  const fn = new Array<number>(K).fill(0);
  let right = 0;
  for (let i = 0; i < gold.length; i += 1) {
    const g = gold[i] ?? -1;
    const p = predicted[i] ?? -1;
    if (g === p) {
      right += 1;
      tp[g] = (tp[g] ?? 0) + 1;
    } else {
      if (p >= 0) fp[p] = (fp[p] ?? 0) + 1;
      if (g >= 0) fn[g] = (fn[g] ?? 0) + 1;
    }
  }
  const perClass = tp.map((t, k) => {
    const denominator = 2 * t + (fp[k] ?? 0) + (fn[k] ?? 0);
    return denominator === 0 ? 0 : (2 * t) / denominator;
  });
  return {
    macro: perClass.reduce((a, b) => a + b, 0) / K,
    perClass,
    accuracy: gold.length === 0 ? 0 : right / gold.length,
  };
}

/**
 * Splits rows into a training part and a held-out slice of about `fraction`, the same way every time (a seeded
 * draw per row): the scripts use the slice to choose hyperparameters and blend weights without touching the
 * dev sets.
 */
export function holdoutSplit<T>(rows: readonly T[], fraction: number, seed = 7): { train: T[]; holdout: T[] } {
  let a = seed >>> 0;
  const train: T[] = [];
  const holdout: T[] = [];
  for (const row of rows) {
    // mulberry32
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const draw = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    (draw < fraction ? holdout : train).push(row);
  }
  return { train, holdout };
}
