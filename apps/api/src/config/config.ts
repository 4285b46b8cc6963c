import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvSchema, type Env } from './env.schema.js';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
  }
}

/** The repository root: `apps/api/{src,dist}/config` → four levels up. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export interface DatabaseConfig {
  mode: 'embedded' | 'external';
  /** Set in external mode; in embedded mode it is known only once the server runs. */
  url?: string;
  embedded: { dataDir: string; port: number };
}

export interface AppConfig {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  /** Raw bytes of DENGAR_SECRET (or the generated one in embedded mode). */
  secret: Buffer;
  admin: { email: string; password?: string };
  demo: boolean;
  logLevel: Env['LOG_LEVEL'];
  sessionTtlMs: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  redisUrl?: string;
  webDist: string;
  /** How long a user keeps their availability after their last socket closed. */
  presenceOfflineAfterSec: number;
}

/** Parses the environment; throws ConfigError with one line per bad variable. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  // Empty strings count as unset: `FOO= pnpm start` should mean the default.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.') || 'environment';
        const got = typeof issue.path[0] === 'string' ? cleaned[issue.path[0]] : undefined;
        const shown = got === undefined || /SECRET|PASSWORD|DATABASE_URL|REDIS_URL/.test(name) ? '' : ` (got "${got}")`;
        return `${name} ${issue.message}${shown}`;
      }),
    );
  }
  return parsed.data;
}

/** Reads or creates the secret kept in the data directory (embedded mode only, SPEC §10). */
function embeddedSecret(dataDir: string): Buffer {
  const file = path.join(dataDir, 'secret');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32);
  writeFileSync(file, secret.toString('base64') + '\n', { mode: 0o600 });
  return secret;
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const env = parseEnv(source);
  const dataDir = path.resolve(env.DENGAR_DATA_DIR ?? path.join(REPO_ROOT, '.data'));
  const mode = env.DATABASE_URL ? 'external' : 'embedded';
  const secret = env.DENGAR_SECRET ? Buffer.from(env.DENGAR_SECRET, 'base64') : embeddedSecret(dataDir);
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    dataDir,
    database: {
      mode,
      ...(env.DATABASE_URL ? { url: env.DATABASE_URL } : {}),
      embedded: { dataDir: path.join(dataDir, 'pg'), port: env.EMBEDDED_PG_PORT },
    },
    secret,
    admin: { email: env.ADMIN_EMAIL.toLowerCase(), ...(env.ADMIN_PASSWORD ? { password: env.ADMIN_PASSWORD } : {}) },
    demo: env.DENGAR_DEMO,
    logLevel: env.LOG_LEVEL,
    sessionTtlMs: env.SESSION_TTL_HOURS * 3600_000,
    cookieSecure: env.COOKIE_SECURE ?? env.NODE_ENV === 'production',
    trustProxy: env.TRUST_PROXY,
    ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
    webDist: path.resolve(env.DENGAR_WEB_DIST ?? path.join(REPO_ROOT, 'apps/web/dist')),
    presenceOfflineAfterSec: env.PRESENCE_OFFLINE_AFTER_SEC,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
