#!/usr/bin/env node
// Measures enrichment on the dev sets and the hand-written care sets; prints the tables in docs/enrichment.md.
//
//   pnpm -C apps/api build && node scripts/eval-enrichment.mjs [--data /work/shared/datasets] [--errors care-test]
//   node scripts/eval-enrichment.mjs --model /tmp/holdout-model.json --holdout 0.1   # model selection
//
// --model scores with another weights file (e.g. one trained with `train-sentiment.mjs --holdout 0.1`);
// --holdout f adds the seeded slice f of each training set that such a model did not see.
//
// Dev sets (not in the repository): GoEmotions dev (English Reddit, CC BY 4.0) and IndoNLU SmSA valid
// (Indonesian, Apache-2.0). Care sets: apps/api/src/modules/enrichment/care-set.{test,tune}-data.tsv.
import { existsSync, readFileSync } from 'node:fs';
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
const showErrors = option('errors', null);
const modelFile = option('model', null);
const holdout = Number(option('holdout', '0'));
const sourceDir = resolve(root, 'apps/api/src/modules/enrichment');

const load = (file) => import(pathToFileURL(resolve(distDir, file)).href);
const { normaliseText } = await load('text-normalise.js');
const { LanguageDetector } = await load('language.js');
const { SentimentAnalyser, LinearSentimentModel, lexiconScore } = await load('sentiment.js');
const { classifyMessage } = await load('message-type.js');
const { parseGoEmotions, parseSmsa, parseCareSet, holdoutSplit, macroF1, SENTIMENT_CLASSES } =
  await load('sentiment-datasets.js');

const sets = [];
const read = (path) => readFileSync(path, 'utf8');
if (holdout > 0) {
  const labels = read(resolve(dataDir, 'goemotions/labels.txt'));
  const en = parseGoEmotions(read(resolve(dataDir, 'goemotions/train.tsv')), labels);
  const id = parseSmsa(read(resolve(dataDir, 'indonlu-smsa/train.tsv')));
  sets.push({ name: 'goemotions-train-holdout', language: 'en', rows: holdoutSplit(en, holdout).holdout });
  sets.push({ name: 'smsa-train-holdout', language: 'id', rows: holdoutSplit(id, holdout).holdout });
}
if (existsSync(resolve(dataDir, 'goemotions/dev.tsv'))) {
  const rows = parseGoEmotions(
    read(resolve(dataDir, 'goemotions/dev.tsv')),
    read(resolve(dataDir, 'goemotions/labels.txt')),
  );
  sets.push({ name: 'goemotions-dev', language: 'en', rows });
  // Language is measured on every row, including those left out of the sentiment measure.
  const all = read(resolve(dataDir, 'goemotions/dev.tsv'))
    .split(/\r?\n/)
    .filter(Boolean)
    .map((l) => ({ text: l.split('\t')[0] }));
  sets.push({ name: 'goemotions-dev (all rows)', language: 'en', rows: all, languageOnly: true });
} else console.log(`(no GoEmotions under ${dataDir}: skipped)`);
if (existsSync(resolve(dataDir, 'indonlu-smsa/valid.tsv'))) {
  sets.push({ name: 'smsa-valid', language: 'id', rows: parseSmsa(read(resolve(dataDir, 'indonlu-smsa/valid.tsv'))) });
} else console.log(`(no SmSA under ${dataDir}: skipped)`);
for (const part of ['test', 'tune']) {
  const rows = parseCareSet(read(resolve(sourceDir, `care-set.${part}-data.tsv`)));
  for (const language of ['en', 'id']) {
    sets.push({ name: `care-${part}-${language}`, language, rows: rows.filter((r) => r.language === language) });
  }
}

const detector = new LanguageDetector(['en', 'id']);
const analyser =
  modelFile === null
    ? new SentimentAnalyser()
    : new SentimentAnalyser(new LinearSentimentModel(JSON.parse(read(modelFile))));
const pct = (x) => `${(100 * x).toFixed(1)}%`;
const f3 = (x) => x.toFixed(3);

console.log('\nLanguage (workspace en+id; no declared language; null counts as wrong)');
console.log('| set | rows | right | null | other |');
console.log('|---|---:|---:|---:|---:|');
for (const set of sets.filter((s) => s.name !== 'goemotions-dev' && !s.name.includes('holdout'))) {
  let right = 0;
  let none = 0;
  for (const row of set.rows) {
    const got = detector.detect(normaliseText(row.text));
    if (got === set.language) right += 1;
    else if (got === null) none += 1;
  }
  const n = set.rows.length;
  console.log(`| ${set.name} | ${n} | ${pct(right / n)} | ${pct(none / n)} | ${pct((n - right - none) / n)} |`);
}

console.log('\nSentiment, macro-F1 over negative/neutral/positive (language as detected)');
console.log('| set | rows | model only | lexicon only | shipped blend | F1 neg / neu / pos | accuracy |');
console.log('|---|---:|---:|---:|---:|---|---:|');
const errors = [];
for (const set of sets.filter((s) => !s.languageOnly)) {
  const gold = [];
  const model = [];
  const lexicon = [];
  const blend = [];
  for (const row of set.rows) {
    const text = normaliseText(row.text);
    const language = detector.detect(text);
    const a = analyser.analyse(text, language);
    const m = [a.model.negative, a.model.neutral, a.model.positive];
    const lex = lexiconScore(text).score;
    gold.push(row.label);
    model.push(m.indexOf(Math.max(...m)));
    lexicon.push(lex >= 0.15 ? 2 : lex <= -0.15 ? 0 : 1);
    const predicted = SENTIMENT_CLASSES.indexOf(a.label);
    blend.push(predicted);
    if (showErrors !== null && set.name.startsWith(showErrors) && predicted !== row.label) {
      errors.push(`${SENTIMENT_CLASSES[row.label]} → ${a.label} (${a.score}) ${row.text}`);
    }
  }
  const b = macroF1(gold, blend);
  console.log(
    `| ${set.name} | ${gold.length} | ${f3(macroF1(gold, model).macro)} | ${f3(macroF1(gold, lexicon).macro)} | ` +
      `**${f3(b.macro)}** | ${b.perClass.map(f3).join(' / ')} | ${pct(b.accuracy)} |`,
  );
}

console.log('\nMessage type on the care sets (hand labels)');
console.log('| set | rows | right | confusions (gold → predicted) |');
console.log('|---|---:|---:|---|');
for (const set of sets.filter((s) => s.name.startsWith('care-'))) {
  let right = 0;
  const confusions = new Map();
  for (const row of set.rows) {
    const text = normaliseText(row.text);
    const type = classifyMessage(text, analyser.analyse(text, detector.detect(text)));
    if (type === row.type) right += 1;
    else {
      const key = `${row.type}→${type}`;
      confusions.set(key, (confusions.get(key) ?? 0) + 1);
      if (showErrors !== null && set.name.startsWith(showErrors)) errors.push(`type ${key}: ${row.text}`);
    }
  }
  const top = [...confusions].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`);
  console.log(`| ${set.name} | ${set.rows.length} | ${pct(right / set.rows.length)} | ${top.join(', ')} |`);
}
// Cross-check on text nobody here wrote: the demo source's generator (written separately, for the demo
// stream) labels each post with the type it meant and whether it is spam. Skipped when it is not built.
const demoFile = resolve(distDir, '../source/connectors/demo.connector.js');
if (existsSync(demoFile)) {
  const { demoConnector, DEMO_BRANDS } = await import(pathToFileURL(demoFile).href);
  const { Enricher } = await load('enrichment.js');
  const rule = (id, b) => ({ id, ...b, keywords: [...b.keywords], handles: [...b.handles], hashtags: [...b.hashtags] });
  const enricher = new Enricher({
    brands: [rule('own', DEMO_BRANDS.own), rule('competitor', DEMO_BRANDS.competitor)],
    campaigns: [],
  });
  let cursor = null;
  let now = Date.parse('2025-05-01T00:00:00Z');
  const posts = new Map();
  for (let i = 0; i < 100 && posts.size < 2000; i += 1) {
    const page = await demoConnector.pull({
      config: { ratePerMinute: 60 },
      cursor,
      backfillLimit: 200,
      state: {},
      saveState: () => Promise.resolve(),
      known: () => Promise.resolve(new Set()),
      fetch,
      now: () => new Date(now),
    });
    for (const m of page.mentions) if (m.raw?.generator === 'dengar-demo') posts.set(m.text, m);
    cursor = page.cursor;
    now += 3_600_000;
  }
  const tally = { type: 0, spam: 0, language: 0, polar: 0, polarRows: 0 };
  for (const m of posts.values()) {
    const e = enricher.enrich({
      text: m.text,
      postedAt: new Date(m.postedAt),
      author: { handle: m.author.handle, followers: m.author.followers ?? null, verified: false, mentionCount: 0 },
    });
    if (e.type === m.raw.intendedType) tally.type += 1;
    if (e.isSpam === m.raw.spam) tally.spam += 1;
    if (e.language === m.raw.lang) tally.language += 1;
    const polarity = /complaint/.test(m.raw.scenario) ? 'negative' : /praise/.test(m.raw.scenario) ? 'positive' : null;
    if (polarity !== null && m.raw.reply === null) {
      tally.polarRows += 1;
      if (e.sentiment.label === polarity) tally.polar += 1;
    }
  }
  const n = posts.size;
  console.log(`\nDemo generator cross-check (${n} distinct posts)`);
  console.log('| language | spam flag | type | sentiment of complaints and praise |');
  console.log('|---:|---:|---:|---:|');
  console.log(
    `| ${pct(tally.language / n)} | ${pct(tally.spam / n)} | ${pct(tally.type / n)} | ` +
      `${pct(tally.polar / tally.polarRows)} of ${tally.polarRows} |`,
  );
}
if (errors.length > 0) console.log(`\n${errors.join('\n')}`);
