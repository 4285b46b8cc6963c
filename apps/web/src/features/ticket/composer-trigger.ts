export type ComposerMode = 'reply' | 'note';

/** A picker the text before the caret asks for: `/` canned responses, `@` teammates (notes only). */
export interface ComposerTrigger {
  kind: 'canned' | 'teammate';
  /** What was typed after the trigger character, to filter by. */
  query: string;
  /** Index of the trigger character. */
  start: number;
  /** The caret: the trigger and query span `[start, end)`. */
  end: number;
}

const TRIGGERS: Record<string, ComposerTrigger['kind']> = { '/': 'canned', '@': 'teammate' };

/**
 * The trigger being typed at the caret, if any: `/` or `@` at the start of the box or after whitespace,
 * followed by word characters only up to the caret (a space ends it). `@` only counts in note mode.
 */
export function detectTrigger(text: string, caret: number, mode: ComposerMode): ComposerTrigger | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)([/@])([\p{L}\p{N}._-]*)$/u.exec(before);
  if (!match) return null;
  const char = match[2] ?? '';
  const kind = TRIGGERS[char];
  if (!kind) return null;
  if (kind === 'teammate' && mode !== 'note') return null;
  const query = match[3] ?? '';
  return { kind, query, start: caret - query.length - 1, end: caret };
}

/** Replaces the trigger and its query with `insert` (plus a space after a teammate); the caret goes after it. */
export function applyTrigger(text: string, trigger: ComposerTrigger, insert: string): { text: string; caret: number } {
  const after = text.slice(trigger.end);
  const spacer = trigger.kind === 'teammate' && !/^\s/.test(after) ? ' ' : '';
  const inserted = `${insert}${spacer}`;
  return { text: `${text.slice(0, trigger.start)}${inserted}${after}`, caret: trigger.start + inserted.length };
}

/** `@word` for a teammate as the API resolves it: the name without spaces (`Sari Wulandari` → `@SariWulandari`). */
export function teammateToken(name: string): string {
  return `@${name.replace(/\s+/g, '')}`;
}

/** Case-insensitive "contains", on any of the given fields. */
export function matchesQuery(query: string, ...fields: string[]): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  return fields.some((f) => f.toLowerCase().includes(q));
}
