#!/usr/bin/env node
// `pnpm start`: builds what changed since the last build, then runs the API, which migrates the database,
// serves the web app and, without DATABASE_URL, starts an embedded PostgreSQL. Args pass through
// (`--migrate-only` is `pnpm db:migrate`).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'apps/api/dist/.build-stamp');
const sources = [
  'packages/contracts/src',
  'packages/contracts/package.json',
  'migrations/src',
  'migrations/package.json',
  'apps/api/src',
  'apps/api/package.json',
  'apps/web/src',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'apps/web/package.json',
  'pnpm-lock.yaml',
];

function newest(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(p)) max = Math.max(max, newest(path.join(p, entry)));
  return max;
}

const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const outputs = ['apps/api/dist/main.js', 'apps/web/dist/index.html'].every((f) => existsSync(path.join(root, f)));
const changed = Math.max(...sources.map((s) => newest(path.join(root, s))));
if (!outputs || changed > builtAt) {
  console.log('Building Dengar…');
  const res = spawnSync('pnpm', ['-r', '--workspace-concurrency=1', 'run', 'build'], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) process.exit(res.status ?? 1);
  writeFileSync(stamp, new Date().toISOString() + '\n');
}

await import(pathToFileURL(path.join(root, 'apps/api/dist/main.js')).href);
