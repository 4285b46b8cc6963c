/** A user a note may mention. */
export interface MentionableUser {
  id: string;
  email: string;
  name: string;
}

/**
 * `@word` tokens of a note body, lower-cased. The `@` must not follow a letter, digit or dot (so e-mail
 * addresses in the text are not mentions); trailing dots, dashes and underscores are sentence punctuation.
 */
export function mentionTokens(body: string): string[] {
  const tokens = new Set<string>();
  for (const m of body.matchAll(/(?<![\p{L}\p{N}._@])@([\p{L}\p{N}][\p{L}\p{N}._-]*)/gu)) {
    const t = (m[1] ?? '').replace(/[._-]+$/, '').toLowerCase();
    if (t) tokens.add(t);
  }
  return [...tokens];
}

const compact = (name: string) => name.replace(/\s+/g, '').toLowerCase();
const firstName = (name: string) => (name.trim().split(/\s+/)[0] ?? '').toLowerCase();

/**
 * Resolves `@word` mentions against users: the e-mail's local part, the name without spaces, or the first
 * name when exactly one user has it (`@sari` → Sari Wulandari, unless there are two Saris). Case-insensitive.
 */
export function resolveMentions(body: string, users: readonly MentionableUser[]): string[] {
  const tokens = mentionTokens(body);
  if (!tokens.length) return [];
  const byFirst = new Map<string, MentionableUser[]>();
  for (const u of users) {
    const f = firstName(u.name);
    if (f) byFirst.set(f, [...(byFirst.get(f) ?? []), u]);
  }
  const ids = new Set<string>();
  for (const t of tokens) {
    const exact = users.filter((u) => (u.email.split('@')[0] ?? '').toLowerCase() === t || compact(u.name) === t);
    if (exact.length) {
      for (const u of exact) ids.add(u.id);
      continue;
    }
    const first = byFirst.get(t);
    if (first?.length === 1) ids.add(first[0]!.id);
  }
  return [...ids];
}

/** Whitespace folded and cut to `max` characters with an ellipsis, for a notification line. */
export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}
