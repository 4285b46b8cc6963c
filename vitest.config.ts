import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// Nest and TypeORM need decorator metadata, which esbuild/oxc do not emit: SWC compiles the API's TypeScript.
const decorators = () =>
  swc.vite({
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'es6' },
  });

// Workspace packages resolve to their TypeScript source (the `source` export condition), so tests need no build.
const conditions = ['source', 'module', 'node', 'development|production'];
// The global setup is loaded outside the projects, where conditions do not apply: aliases do.
const alias = {
  '@dengar/contracts': fileURLToPath(new URL('./packages/contracts/src/index.ts', import.meta.url)),
  '@dengar/migrations': fileURLToPath(new URL('./migrations/src/index.ts', import.meta.url)),
};

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [decorators()],
        resolve: { conditions, alias },
        ssr: { resolve: { conditions } },
        test: {
          name: 'unit',
          include: [
            'packages/*/src/**/*.spec.ts',
            'migrations/src/**/*.spec.ts',
            'apps/api/src/**/*.spec.ts',
            'apps/web/src/**/*.spec.{ts,tsx}',
          ],
          environment: 'node',
        },
      },
      {
        plugins: [decorators()],
        resolve: { conditions, alias },
        ssr: { resolve: { conditions } },
        test: {
          name: 'api',
          include: ['apps/api/test/**/*.spec.ts'],
          environment: 'node',
          globalSetup: ['apps/api/test/setup/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
    ],
  },
});
