#!/usr/bin/env node
// Trains the linear sentiment model shipped in apps/api/src/modules/enrichment/sentiment-model.json.
//
//   pnpm -C apps/api build && node scripts/train-sentiment.mjs [--data /work/shared/datasets] [--out path]
//   node scripts/train-sentiment.mjs --holdout 0.1 --out /tmp/holdout-model.json   # for model selection
//
// --holdout f keeps a seeded slice f of each training set out of training and reports the model's macro-F1
// on it; `node scripts/eval-enrichment.mjs --model /tmp/holdout-model.json --holdout 0.1` then measures blends
// on the same slice. Hyperparameters and blend weights were chosen that way, never on the dev sets.
//
// Input: GoEmotions train (English, CC BY 4.0) and IndoNLU SmSA train (Indonesian, Apache-2.0). No text from
// them is written out: the output holds only hashed feature weights. Deterministic: a fixed seed orders the
// examples and the same inputs give the same file, byte for byte.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const dataDir = option('data', process.env.DENGAR_DATASETS ?? '/work/shared/datasets');
const distDir = option('dist', process.env.DENGAR_ENRICHMENT_DIST ?? resolve(root, 'apps/api/dist/modules/enrichment'));
const outFile = option('out', resolve(root, 'apps/api/src/modules/enrichment/sentiment-model.json'));
const epochs = Number(option('epochs', '8'));
const l2 = Number(option('l2', '2e-6'));
const rate = Number(option('rate', '0.05'));
// 1 balances classes fully, 0 not at all; 0.5 scored best on the held-out slice.
const classBalance = Number(option('class-balance', '0.5'));
const holdout = Number(option('holdout', '0'));

const load = (file) => import(pathToFileURL(resolve(distDir, file)).href);
const { normaliseText } = await load('text-normalise.js');
const { sentimentFeatures, FEATURE_DIM, FEATURE_BITS, FEATURE_VERSION } = await load('sentiment-features.js');
const { lexiconScore } = await load('sentiment.js');
const datasets = await load('sentiment-datasets.js');
const { parseGoEmotions, parseSmsa, holdoutSplit, macroF1, SENTIMENT_CLASSES: CLASSES } = datasets;

const K = CLASSES.length;

function examples(rows, language) {
  return rows.map(({ text, label }) => {
    const normalised = normaliseText(text);
    const evidence = lexiconScore(normalised);
    return { features: Uint32Array.from(sentimentFeatures(normalised.tokens, language, evidence)), label, language };
  });
}

const read = (path) => readFileSync(resolve(dataDir, path), 'utf8');
const split = (rows) => (holdout > 0 ? holdoutSplit(rows, holdout) : { train: rows, holdout: [] });
const enRows = split(parseGoEmotions(read('goemotions/train.tsv'), read('goemotions/labels.txt')));
const idRows = split(parseSmsa(read('indonlu-smsa/train.tsv')));
const en = examples(enRows.train, 'en');
const id = examples(idRows.train, 'id');
const all = [...en, ...id];

// Each language weighs the same; within it, rarer classes weigh more (counts^−classBalance), because the
// target is macro-F1 per language.
const weightOf = new Map();
for (const [language, set] of [
  ['en', en],
  ['id', id],
]) {
  const counts = new Array(K).fill(0);
  for (const e of set) counts[e.label] += 1;
  const raw = counts.map((c) => (set.length / K / Math.max(1, c)) ** classBalance);
  const total = raw.reduce((sum, r, k) => sum + r * counts[k], 0);
  for (let k = 0; k < K; k += 1) weightOf.set(`${language}:${k}`, ((all.length / 2) * raw[k]) / total);
}

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Multinomial logistic regression, AdaGrad, L2 on the weights a step touches.
const W = new Float64Array(FEATURE_DIM * K);
const G = new Float64Array(FEATURE_DIM * K).fill(1e-8);
const bias = new Float64Array(K);
const biasG = new Float64Array(K).fill(1e-8);
const random = mulberry32(20240601);
const order = all.map((_, i) => i);
const logits = new Float64Array(K);
const grad = new Float64Array(K);

for (let epoch = 0; epoch < epochs; epoch += 1) {
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  let loss = 0;
  for (const index of order) {
    const { features, label, language } = all[index];
    const value = 1 / Math.sqrt(features.length);
    for (let k = 0; k < K; k += 1) logits[k] = bias[k];
    for (const f of features) for (let k = 0; k < K; k += 1) logits[k] += W[f * K + k] * value;
    let max = -Infinity;
    for (let k = 0; k < K; k += 1) max = Math.max(max, logits[k]);
    let sum = 0;
    for (let k = 0; k < K; k += 1) sum += Math.exp(logits[k] - max);
    const weight = weightOf.get(`${language}:${label}`);
    for (let k = 0; k < K; k += 1) {
      const p = Math.exp(logits[k] - max) / sum;
      grad[k] = (p - (k === label ? 1 : 0)) * weight;
      if (k === label) loss -= Math.log(Math.max(p, 1e-12)) * weight;
    }
    for (let k = 0; k < K; k += 1) {
      biasG[k] += grad[k] * grad[k];
      bias[k] -= (rate * grad[k]) / Math.sqrt(biasG[k]);
    }
    for (const f of features) {
      for (let k = 0; k < K; k += 1) {
        const at = f * K + k;
        const g = grad[k] * value + l2 * W[at];
        G[at] += g * g;
        W[at] -= (rate * g) / Math.sqrt(G[at]);
      }
    }
  }
  console.log(`epoch ${epoch + 1}: loss ${(loss / all.length).toFixed(4)}`);
}

if (holdout > 0) {
  for (const [language, rows] of [
    ['en', enRows.holdout],
    ['id', idRows.holdout],
  ]) {
    const set = examples(rows, language);
    const predicted = set.map(({ features }) => {
      const value = 1 / Math.sqrt(features.length);
      const scores = Array.from(bias);
      for (const f of features) for (let k = 0; k < K; k += 1) scores[k] += W[f * K + k] * value;
      return scores.indexOf(Math.max(...scores));
    });
    const f1 = macroF1(
      set.map((e) => e.label),
      predicted,
    ).macro;
    console.log(`held-out ${language}: ${set.length} rows, model macro-F1 ${f1.toFixed(4)}`);
  }
}

// Quantise to int8 with one scale; the largest 0.01 % are clipped so the rest keep their resolution.
const magnitudes = Float64Array.from(W, Math.abs).sort();
const clip = magnitudes[Math.floor(magnitudes.length * 0.9999)] || 1;
const scale = clip / 127;
const q = new Int8Array(W.length);
for (let i = 0; i < W.length; i += 1) q[i] = Math.max(-127, Math.min(127, Math.round(W[i] / scale)));

const model = {
  format: 'dengar-sentiment-linear-1',
  featureBits: FEATURE_BITS,
  featureVersion: FEATURE_VERSION,
  classes: CLASSES,
  scale: Number(scale.toPrecision(8)),
  bias: Array.from(bias, (b) => Number(b.toPrecision(8))),
  trainedOn: {
    goemotions: { rows: en.length, licence: 'CC BY 4.0', cite: 'Demszky et al., ACL 2020' },
    smsa: { rows: id.length, licence: 'Apache-2.0', cite: 'Wilie et al., IndoNLU, AACL 2020' },
    ...(holdout > 0 ? { holdout } : {}),
    classBalance,
    epochs,
    l2,
    rate,
  },
  weights: Buffer.from(q.buffer).toString('base64'),
};
// Written the way the repository's formatter writes JSON, so `prettier --check` stays green.
const prettier = await import('prettier');
const style = await prettier.resolveConfig(resolve(root, 'apps/api/src/modules/enrichment/sentiment-model.json'));
const json = await prettier.format(JSON.stringify(model), { ...style, parser: 'json' });
writeFileSync(outFile, json);
console.log(`wrote ${outFile} (${(Buffer.byteLength(json) / 1024).toFixed(0)} KiB)`);
