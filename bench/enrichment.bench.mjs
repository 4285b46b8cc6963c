#!/usr/bin/env node
// Enrichment cost per mention (CPU, single thread). Not a test: it prints numbers.
//
//   pnpm -C apps/api build && node bench/enrichment.bench.mjs [--rounds 5]
//
// Texts: GoEmotions dev + SmSA valid from /work/shared/datasets (DENGAR_DATASETS) when present, read at run
// time and never stored; otherwise generated care-style posts in English and Indonesian.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const distDir = option('dist', process.env.DENGAR_ENRICHMENT_DIST ?? resolve(root, 'apps/api/dist/modules/enrichment'));
const dataDir = option('data', process.env.DENGAR_DATASETS ?? '/work/shared/datasets');
const rounds = Number(option('rounds', '5'));

const started = process.hrtime.bigint();
const { Enricher } = await import(pathToFileURL(resolve(distDir, 'enrichment.js')).href);
const loadMs = Number(process.hrtime.bigint() - started) / 1e6;

function datasetTexts() {
  const files = ['goemotions/dev.tsv', 'indonlu-smsa/valid.tsv'].map((f) => resolve(dataDir, f));
  if (!files.every((f) => existsSync(f))) return null;
  return files.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split(/\r?\n/)
      .filter(Boolean)
      .map((l) => l.split('\t')[0]),
  );
}

function generatedTexts(n) {
  const openers = ['@SkyWays', '@TokoKita', '@TelcoNet', 'hey @NusaAir', '', 'min @SinyalKu'];
  const bodies = [
    'flight delayed again, 3 hours at the gate and no update 😡',
    'paket saya belum sampai udah seminggu, gimana nih kak?',
    'thanks for the quick refund, great service!',
    'sinyal lemot parah dari pagi, gak bisa buka apa-apa',
    'how much is the unlimited plan? thinking of switching',
    'mantap pelayanannya, cepet banget dibales 👍',
    'Cheap UGG boots outlet 70% off http://ugg.example.xyz http://ugg.example.xyz',
    'can I change the name on my booking?',
    'barangnya bagus sesuai foto, makasih ya 😍',
    'slot gacor maxwin hari ini, daftar sekarang wa 0812-3456-7890',
    'Just landed in Tokyo. #travel https://photos.example.com/1',
    'the app keeps crashing when I try to check in, please fix it',
  ];
  const out = [];
  for (let i = 0; i < n; i += 1) out.push(`${openers[i % openers.length]} ${bodies[(i * 7) % bodies.length]}`.trim());
  return out;
}

const fromDatasets = datasetTexts();
const texts = fromDatasets ?? generatedTexts(4000);
const source = fromDatasets === null ? 'generated texts' : 'dataset texts';
const enricher = new Enricher({
  brands: Array.from({ length: 10 }, (_, i) => ({
    id: `b${i}`,
    kind: i === 0 ? 'own' : 'competitor',
    name: `Brand ${i}`,
    keywords: [`brand ${i}`, `brandco${i}`, 'kopi senja', 'brew & co'],
    handles: [`brand${i}`, 'skyways', 'tokokita'],
    hashtags: [`brand${i}`, 'promo'],
    excludedKeywords: ['apple pie'],
  })),
  campaigns: Array.from({ length: 5 }, (_, i) => ({
    id: `c${i}`,
    brandId: null,
    hashtags: [`campaign${i}`],
    keywords: [`summer sale ${i}`],
    startsAt: new Date('2020-01-01T00:00:00Z'),
    endsAt: null,
  })),
});
const inputs = texts.map((text, i) => ({
  text,
  postedAt: new Date(Date.UTC(2025, 0, 1 + (i % 300))),
  author: { handle: `user${i}`, followers: (i * 7919) % 250_000, verified: i % 50 === 0, mentionCount: i % 13 },
  metrics: { likes: i % 97, reposts: i % 11, replies: i % 7 },
  url: null,
}));

// Warm-up: the JIT, the model weights and tinyld's profiles.
for (const input of inputs.slice(0, 2000)) enricher.enrich(input);

const samples = new Float64Array(inputs.length * rounds);
let k = 0;
const cpuBefore = process.cpuUsage();
const wallBefore = process.hrtime.bigint();
for (let r = 0; r < rounds; r += 1) {
  for (const input of inputs) {
    const t0 = process.hrtime.bigint();
    enricher.enrich(input);
    samples[k] = Number(process.hrtime.bigint() - t0) / 1000;
    k += 1;
  }
}
const wallUs = Number(process.hrtime.bigint() - wallBefore) / 1000;
const cpu = process.cpuUsage(cpuBefore);
samples.sort();
const at = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))].toFixed(1);
const n = samples.length;

console.log(`enrichment bench: ${inputs.length} ${source} × ${rounds} rounds = ${n} mentions`);
console.log(`  module load (model + lexicons): ${loadMs.toFixed(0)} ms`);
console.log(`  mean wall  ${(wallUs / n).toFixed(1)} µs/mention`);
console.log(`  mean CPU   ${((cpu.user + cpu.system) / n).toFixed(1)} µs/mention`);
console.log(`  p50 ${at(0.5)} µs   p95 ${at(0.95)} µs   p99 ${at(0.99)} µs   max ${samples[n - 1].toFixed(1)} µs`);
console.log(`  throughput ≈ ${Math.round(n / (wallUs / 1e6))} mentions/s on one core`);
