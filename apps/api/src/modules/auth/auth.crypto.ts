import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');

/** Tokens are stored as HMAC-SHA256 keyed with DENGAR_SECRET: a leaked table alone cannot be replayed. */
export const keyedHash = (secret: Buffer, token: string) => createHmac('sha256', secret).update(token).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes).
const ARGON = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, ARGON);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spends the same time as a real check, so a missing account is not revealed by timing. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummy ??= hashPassword(randomToken());
  await verifyPassword(await dummy, password);
}
