/** The inbox's keyboard shortcuts. The list's are handled here; the open ticket's by the ticket pane. */
export type ListShortcut = 'next' | 'previous' | 'open' | 'search' | 'help';

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The focused element's tag name (upper case, as the DOM gives it) and whether it is editable. */
  targetTag: string | null;
  targetEditable: boolean;
}

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
/** Elements that act on Enter themselves: a second "open" from us would run twice. */
const ENTER_TAGS = new Set(['A', 'BUTTON', 'SUMMARY']);

const KEYS: Record<string, ListShortcut> = { j: 'next', k: 'previous', Enter: 'open', '/': 'search', '?': 'help' };

/**
 * Which list shortcut a key press means, or null. Ignored while typing (inputs, text areas, selects, editable
 * content) and with Ctrl, ⌘ or Alt held, so browser and system shortcuts keep working. Shift is allowed: `?` needs it.
 */
export function listShortcut(input: KeyInput): ListShortcut | null {
  if (input.ctrlKey || input.metaKey || input.altKey) return null;
  if (input.targetEditable || (input.targetTag !== null && TYPING_TAGS.has(input.targetTag))) return null;
  const shortcut = KEYS[input.key] ?? null;
  if (shortcut === 'open' && input.targetTag !== null && ENTER_TAGS.has(input.targetTag)) return null;
  return shortcut;
}

/** Every shortcut of the inbox, for the help dialog (`?`), in the order shown. */
export const ALL_SHORTCUTS = [
  { keys: ['j'], action: 'next' },
  { keys: ['k'], action: 'previous' },
  { keys: ['Enter'], action: 'open' },
  { keys: ['/'], action: 'search' },
  { keys: ['r'], action: 'reply' },
  { keys: ['n'], action: 'note' },
  { keys: ['e'], action: 'resolve' },
  { keys: ['a'], action: 'assign' },
  { keys: ['t'], action: 'tag' },
  { keys: ['?'], action: 'help' },
] as const;
export type ShortcutAction = (typeof ALL_SHORTCUTS)[number]['action'];

/** The next selected row for j/k: clamped to the list; with nothing selected, j starts at the first row. */
export function moveSelection(current: number, count: number, shortcut: 'next' | 'previous'): number {
  if (count === 0) return -1;
  if (current < 0 || current >= count) return shortcut === 'next' ? 0 : count - 1;
  return shortcut === 'next' ? Math.min(count - 1, current + 1) : Math.max(0, current - 1);
}
