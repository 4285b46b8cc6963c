import { z } from 'zod';

/**
 * Build-time settings, validated once at boot so a bad value fails loudly instead of as a broken request later.
 * The app talks to the API on its own origin (the API serves it; Vite proxies in development), so every value
 * has a working default.
 */
const EnvSchema = z.object({
  MODE: z.string(),
  DEV: z.boolean(),
  VITE_API_BASE_PATH: z
    .string()
    .regex(/^\/[\w\-/]*[^/]$/, 'must start with "/" and not end with "/"')
    .default('/api'),
  VITE_SOCKET_PATH: z
    .string()
    .regex(/^\/[\w\-/]*$/, 'must start with "/"')
    .default('/socket.io'),
});
export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(raw: Record<string, unknown>): Env {
  const result = EnvSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid web app configuration: ${problems}`);
  }
  return result.data;
}

export const env: Env = parseEnv(import.meta.env);
