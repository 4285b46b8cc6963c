import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'expected true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = (fallback: number) =>
  z.coerce
    .number({ message: 'expected a port number' })
    .int('expected a whole port number')
    .min(1, 'expected a port number between 1 and 65535')
    .max(65535, 'expected a port number between 1 and 65535')
    .default(fallback);

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), { message: 'expected a postgres:// or postgresql:// URL' });

/** Every environment variable Dengar reads, validated once at start (SPEC §10). */
export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: port(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: postgresUrl.optional(),
    DENGAR_DATA_DIR: z.string().min(1).optional(),
    EMBEDDED_PG_PORT: port(54329).refine((p) => p !== 5432, {
      message: 'must not be 5432 (the port a system PostgreSQL usually uses)',
    }),
    DENGAR_SECRET: z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length >= 32, { message: 'expected at least 32 random bytes, base64' })
      .optional(),
    ADMIN_EMAIL: z.email({ message: 'expected an e-mail address' }).default('admin@dengar.local'),
    ADMIN_PASSWORD: z.string().min(10, 'expected at least 10 characters').max(200).optional(),
    DENGAR_DEMO: bool.default(true),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SESSION_TTL_HOURS: z.coerce
      .number({ message: 'expected a number of hours' })
      .int('expected a whole number of hours')
      .min(1, 'expected between 1 and 8760 hours')
      .max(8760, 'expected between 1 and 8760 hours')
      .default(24 * 7),
    COOKIE_SECURE: bool.optional(),
    TRUST_PROXY: bool.default(false),
    REDIS_URL: z
      .string()
      .refine((v) => /^rediss?:\/\/.+/.test(v), { message: 'expected a redis:// or rediss:// URL' })
      .optional(),
    DENGAR_WEB_DIST: z.string().min(1).optional(),
    /**
     * Seconds a user keeps their availability after their last socket is gone (SPEC §3: "when all their
     * sockets have been gone a while"); then the presence sweep sets them `offline`. Default 120.
     */
    PRESENCE_OFFLINE_AFTER_SEC: z.coerce
      .number({ message: 'expected a number of seconds' })
      .int('expected a whole number of seconds')
      .min(1, 'expected between 1 and 86400 seconds')
      .max(86_400, 'expected between 1 and 86400 seconds')
      .default(120),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL && !env.DENGAR_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['DENGAR_SECRET'],
        message: 'is required when DATABASE_URL is set (at least 32 random bytes, base64: `openssl rand -base64 32`)',
      });
    }
  });

export type Env = z.infer<typeof EnvSchema>;
