// The web app's initial JavaScript: the entry script and every module it preloads (what the browser must fetch
// before the inbox can render), gzipped the way a server would send it. `--max-kb N` fails above N KB (issue #5:
// under 300 KB). Run after `pnpm build` (or `pnpm -C apps/web build`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = process.env.DENGAR_WEB_DIST ?? fileURLToPath(new URL('../apps/web/dist/', import.meta.url));
const maxIndex = process.argv.indexOf('--max-kb');
const maxKb = maxIndex > 0 ? Number(process.argv[maxIndex + 1]) : null;

/** Initial and lazily loaded JavaScript of a build, each file with raw and gzipped bytes. */
export function measureBundle(dir = dist) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const initial = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => m[1]);
  const files = [...new Set(initial)].map((href) => {
    const bytes = readFileSync(join(dir, href.replace(/^\//, '')));
    return { file: href, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const total = files.reduce((sum, f) => ({ raw: sum.raw + f.raw, gzip: sum.gzip + f.gzip }), { raw: 0, gzip: 0 });
  return { files, total };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { files, total } = measureBundle();
  const kb = (n) => (n / 1024).toFixed(1);
  for (const f of files)
    console.log(`${f.file.padEnd(44)} ${kb(f.raw).padStart(8)} KB  ${kb(f.gzip).padStart(7)} KB gzip`);
  console.log(`initial JavaScript: ${kb(total.raw)} KB, ${kb(total.gzip)} KB gzipped`);
  if (maxKb != null && total.gzip > maxKb * 1024) {
    console.error(`over the budget of ${maxKb} KB gzipped`);
    process.exit(1);
  }
}
