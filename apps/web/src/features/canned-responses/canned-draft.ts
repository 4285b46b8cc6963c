import type { CannedResponse, CannedVariable, Locale, UpdateCannedResponseRequest } from '@dengar/contracts';

export interface CannedDraft {
  name: string;
  shortcut: string;
  language: Locale;
  body: string;
}

export function cannedDraftOf(response: CannedResponse): CannedDraft {
  return { name: response.name, shortcut: response.shortcut, language: response.language, body: response.body };
}

/** Only the fields the draft changes. */
export function cannedChanges(response: CannedResponse, draft: CannedDraft): UpdateCannedResponseRequest {
  return {
    ...(draft.name.trim() !== response.name ? { name: draft.name } : {}),
    ...(draft.shortcut.trim() !== response.shortcut ? { shortcut: draft.shortcut } : {}),
    ...(draft.language !== response.language ? { language: draft.language } : {}),
    ...(draft.body.trim() !== response.body ? { body: draft.body } : {}),
  };
}

/** A variable as written in a body. */
export const placeholderOf = (variable: CannedVariable) => `{{${variable}}}`;

/**
 * Puts `text` in place of the selection `[start, end)` of `body` (clamped to it) and says where the caret
 * goes: right after what was inserted.
 */
export function insertAt(body: string, start: number, end: number, text: string): { body: string; caret: number } {
  const from = Math.max(0, Math.min(start, body.length));
  const to = Math.max(from, Math.min(end, body.length));
  return { body: body.slice(0, from) + text + body.slice(to), caret: from + text.length };
}
