import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseEnv } from './config.js';

const problems = (env: Record<string, string>) => {
  try {
    parseEnv(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
};
const SECRET = Buffer.alloc(32, 1).toString('base64');

describe('configuration', () => {
  it('has defaults for everything on a new machine', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      EMBEDDED_PG_PORT: 54329,
      DENGAR_DEMO: true,
      ADMIN_EMAIL: 'admin@dengar.local',
    });
  });

  it('names the variable and what is expected, one line each', () => {
    expect(problems({ PORT: 'abc' })).toEqual(['PORT expected a port number (got "abc")']);
    expect(problems({ PORT: '70000', LOG_LEVEL: 'loud' })).toEqual([
      'PORT expected a port number between 1 and 65535 (got "70000")',
      expect.stringMatching(/^LOG_LEVEL .*"info".* \(got "loud"\)$/),
    ]);
    expect(problems({ EMBEDDED_PG_PORT: '5432' })).toEqual([
      'EMBEDDED_PG_PORT must not be 5432 (the port a system PostgreSQL usually uses) (got "5432")',
    ]);
    expect(problems({ DENGAR_DEMO: 'maybe' })).toEqual(['DENGAR_DEMO expected true or false (got "maybe")']);
    expect(problems({ DATABASE_URL: 'mysql://x' })[0]).toMatch(
      /^DATABASE_URL expected a postgres:\/\/ or postgresql:\/\/ URL$/,
    );
  });

  it('requires DENGAR_SECRET with DATABASE_URL, and never echoes secrets', () => {
    expect(problems({ DATABASE_URL: 'postgres://u:p@h/db' })).toEqual([
      expect.stringMatching(/^DENGAR_SECRET is required when DATABASE_URL is set/),
    ]);
    const weak = problems({ DATABASE_URL: 'postgres://u:p@h/db', DENGAR_SECRET: 'short' });
    expect(weak).toEqual(['DENGAR_SECRET expected at least 32 random bytes, base64']);
    expect(problems({ ADMIN_PASSWORD: 'tiny' })).toEqual(['ADMIN_PASSWORD expected at least 10 characters']);
    expect(parseEnv({ DATABASE_URL: 'postgres://u:p@h/db', DENGAR_SECRET: SECRET }).DENGAR_SECRET).toBe(SECRET);
  });

  it('treats empty variables as unset', () => {
    expect(parseEnv({ PORT: '', DATABASE_URL: '' }).PORT).toBe(3000);
  });

  it('uses the embedded database without DATABASE_URL and keeps a generated secret in the data directory', async () => {
    const { mkdtemp, readFile, rm } = await import('node:fs/promises');
    const dir = await mkdtemp(`${(await import('node:os')).tmpdir()}/dengar-cfg-`);
    try {
      const a = loadConfig({ DENGAR_DATA_DIR: dir });
      expect(a.database).toMatchObject({ mode: 'embedded', embedded: { dataDir: `${dir}/pg`, port: 54329 } });
      expect(a.secret.length).toBe(32);
      expect((await readFile(`${dir}/secret`, 'utf8')).trim()).toBe(a.secret.toString('base64'));
      expect(loadConfig({ DENGAR_DATA_DIR: dir }).secret.equals(a.secret)).toBe(true);
      const b = loadConfig({ DENGAR_DATA_DIR: dir, DATABASE_URL: 'postgres://u:p@h/db', DENGAR_SECRET: SECRET });
      expect(b.database).toMatchObject({ mode: 'external', url: 'postgres://u:p@h/db' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
