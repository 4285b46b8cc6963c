import { z } from 'zod';

export const HealthResponseSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  version: z.string(),
  database: z.object({ ok: z.boolean(), latencyMs: z.number().nullable(), error: z.string().optional() }),
  migrations: z.object({
    ok: z.boolean(),
    applied: z.number().int(),
    pending: z.array(z.string()),
    latest: z.string().nullable(),
  }),
  seed: z.object({ admin: z.boolean(), defaultTeam: z.boolean() }),
  jobs: z.object({ ok: z.boolean(), queue: z.string() }),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;
