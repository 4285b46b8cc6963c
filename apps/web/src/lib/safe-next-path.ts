/**
 * Where to go after signing in: only a path on this site (not `//host`, not a URL), and never back to the
 * sign-in page itself.
 */
export function safeNextPath(next: string | null | undefined, fallback: string, signInPath: string): string {
  if (next == null || next === '') return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  const pathname = next.split(/[?#]/)[0] ?? '';
  if (pathname === signInPath) return fallback;
  return next;
}
