import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    adminEmail: string;
    adminPassword: string;
  }
}

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const API_ENTRY = join(REPO_ROOT, 'apps/api/dist/main.js');
const ADMIN_EMAIL = 'admin@example.com';
const ADMIN_PASSWORD = 'e2e-admin-password-2f9c';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function healthy(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

/**
 * Starts the built app the way a person would run it (`node apps/api/dist/main.js`) on free ports with a fresh
 * data directory and embedded PostgreSQL, waits for `/api/health`, and hands its URL and the first admin to the
 * tests. `E2E_BASE_URL` (+ `E2E_ADMIN_EMAIL`, `E2E_ADMIN_PASSWORD`) points the tests at a server already running.
 */
export default async function setup(project: TestProject) {
  const external = process.env.E2E_BASE_URL;
  if (external) {
    project.provide('baseUrl', external.replace(/\/$/, ''));
    project.provide('adminEmail', process.env.E2E_ADMIN_EMAIL ?? ADMIN_EMAIL);
    project.provide('adminPassword', process.env.E2E_ADMIN_PASSWORD ?? ADMIN_PASSWORD);
    return;
  }

  if (!existsSync(API_ENTRY)) {
    throw new Error(`${API_ENTRY} does not exist: build first (pnpm build), or run pnpm test:e2e which does.`);
  }

  const [port, pgPort] = [await freePort(), await freePort()];
  const dataDir = await mkdtemp(join(tmpdir(), 'dengar-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const output: string[] = [];

  const child = spawn(process.execPath, [API_ENTRY], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      DENGAR_DATA_DIR: dataDir,
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      DENGAR_DEMO: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const record = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (process.env.E2E_VERBOSE) process.stderr.write(chunk);
  };
  child.stdout.on('data', record);
  child.stderr.on('data', record);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });

  async function stop(): Promise<void> {
    if (!hasExited) {
      child.kill('SIGINT');
      const timedOut = await Promise.race([exited.then(() => false), sleep(STOP_TIMEOUT_MS).then(() => true)]);
      if (timedOut) {
        console.warn(`[e2e] the server did not stop within ${STOP_TIMEOUT_MS / 1000} s after SIGINT; killing it`);
        child.kill('SIGKILL');
        await exited;
      }
    }
    await rm(dataDir, { recursive: true, force: true });
  }

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await healthy(baseUrl))) {
    if (hasExited || Date.now() > deadline) {
      const why = hasExited
        ? `exited with code ${String(await exited)}`
        : `was not healthy after ${START_TIMEOUT_MS / 1000} s`;
      await stop();
      throw new Error(`[e2e] the app (${API_ENTRY}) ${why}. Its output:\n${output.join('')}`);
    }
    await sleep(250);
  }

  project.provide('baseUrl', baseUrl);
  project.provide('adminEmail', ADMIN_EMAIL);
  project.provide('adminPassword', ADMIN_PASSWORD);

  return stop;
}
