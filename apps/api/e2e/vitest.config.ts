import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The built server as a process: start, stop, restart, bad configuration. Run by `pnpm test:e2e` after a build. */
export default defineConfig({
  test: {
    name: 'api-e2e',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
  },
});
