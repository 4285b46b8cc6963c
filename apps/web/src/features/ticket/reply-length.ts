import type { SourceKind } from '@dengar/contracts';

let segmenter: Intl.Segmenter | null = null;

/** User-perceived characters (an emoji with modifiers, a flag, a letter with accents each count once). */
export function graphemeCount(text: string): number {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

/**
 * The text the platform receives. Mastodon replies start with the author's `@acct` so they reach them (the
 * API adds it unless the body already starts with it), and that prefix counts against the limit.
 */
export function platformText(kind: SourceKind, body: string, authorHandle: string): string {
  const trimmed = body.trim();
  if (kind !== 'mastodon') return trimmed;
  const acct = authorHandle.trim().replace(/^@/, '');
  if (!acct) return trimmed;
  const mention = `@${acct}`;
  if (trimmed.toLowerCase().startsWith(mention.toLowerCase()) && /^(\s|$)/.test(trimmed.slice(mention.length))) {
    return trimmed;
  }
  return `${mention} ${trimmed}`;
}

/** Length as the platform counts it: Bluesky in graphemes, the others in characters (code points). */
export function replyLength(kind: SourceKind, body: string, authorHandle: string): number {
  const text = platformText(kind, body, authorHandle);
  return kind === 'bluesky' ? graphemeCount(text) : [...text].length;
}

export interface ReplyBudget {
  length: number;
  /** null: no limit (manual replies, notes). */
  limit: number | null;
  /** Characters left; negative when over. */
  remaining: number | null;
  over: boolean;
}

/** What the composer's counter shows and whether sending is allowed. An empty box counts 0. */
export function replyBudget(kind: SourceKind, body: string, authorHandle: string, limit: number | null): ReplyBudget {
  const length = body.trim() === '' ? 0 : replyLength(kind, body, authorHandle);
  if (limit === null) return { length, limit, remaining: null, over: false };
  return { length, limit, remaining: limit - length, over: length > limit };
}
