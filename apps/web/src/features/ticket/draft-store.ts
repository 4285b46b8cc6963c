import type { ComposerMode } from './composer-trigger';

/** The part of `Storage` the draft store uses (sessionStorage in the app, a fake in tests). */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFIX = 'dengar.draft';

export const draftKey = (ticketId: string, mode: ComposerMode) => `${PREFIX}.${ticketId}.${mode}`;

/**
 * Unsent composer text per ticket and mode, so switching tickets (or reloading the tab) keeps what was typed.
 * Held in memory and mirrored to the tab's sessionStorage when there is one; a full or blocked storage only
 * loses the mirror.
 */
export class DraftStore {
  private readonly memory = new Map<string, string>();

  constructor(private readonly storage: DraftStorage | null) {}

  get(ticketId: string, mode: ComposerMode): string {
    const key = draftKey(ticketId, mode);
    const held = this.memory.get(key);
    if (held !== undefined) return held;
    try {
      return this.storage?.getItem(key) ?? '';
    } catch {
      return '';
    }
  }

  set(ticketId: string, mode: ComposerMode, text: string): void {
    const key = draftKey(ticketId, mode);
    if (text === '') {
      this.clear(ticketId, mode);
      return;
    }
    this.memory.set(key, text);
    try {
      this.storage?.setItem(key, text);
    } catch {
      // Quota exceeded or storage disabled: the in-memory copy still survives ticket switches.
    }
  }

  clear(ticketId: string, mode: ComposerMode): void {
    const key = draftKey(ticketId, mode);
    this.memory.delete(key);
    try {
      this.storage?.removeItem(key);
    } catch {
      // See set().
    }
  }
}

function sessionStorageOrNull(): DraftStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

export const drafts = new DraftStore(sessionStorageOrNull());
