import { describe, expect, it } from 'vitest';
import { ALL_SHORTCUTS, listShortcut, moveSelection, type KeyInput } from './shortcuts';

const press = (key: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  targetTag: 'BODY',
  targetEditable: false,
  ...extra,
});

describe('listShortcut', () => {
  it('maps j, k, Enter, / and ?', () => {
    expect(listShortcut(press('j'))).toBe('next');
    expect(listShortcut(press('k'))).toBe('previous');
    expect(listShortcut(press('Enter'))).toBe('open');
    expect(listShortcut(press('/'))).toBe('search');
    expect(listShortcut(press('?'))).toBe('help');
    expect(listShortcut(press('x'))).toBeNull();
    expect(listShortcut(press('J'))).toBeNull();
  });

  it('ignores keys typed into fields and editable content', () => {
    for (const tag of ['INPUT', 'TEXTAREA', 'SELECT']) expect(listShortcut(press('j', { targetTag: tag }))).toBeNull();
    expect(listShortcut(press('j', { targetTag: 'DIV', targetEditable: true }))).toBeNull();
  });

  it('ignores keys with Ctrl, ⌘ or Alt held', () => {
    expect(listShortcut(press('j', { ctrlKey: true }))).toBeNull();
    expect(listShortcut(press('k', { metaKey: true }))).toBeNull();
    expect(listShortcut(press('/', { altKey: true }))).toBeNull();
  });

  it('leaves Enter on links and buttons to the element itself', () => {
    expect(listShortcut(press('Enter', { targetTag: 'A' }))).toBeNull();
    expect(listShortcut(press('Enter', { targetTag: 'BUTTON' }))).toBeNull();
    expect(listShortcut(press('j', { targetTag: 'A' }))).toBe('next');
  });

  it('lists every inbox shortcut, the ticket pane’s included', () => {
    expect(ALL_SHORTCUTS.flatMap((s) => s.keys)).toEqual(['j', 'k', 'Enter', '/', 'r', 'n', 'e', 'a', 't', '?']);
  });
});

describe('moveSelection', () => {
  it('starts at the first row on j and the last on k', () => {
    expect(moveSelection(-1, 5, 'next')).toBe(0);
    expect(moveSelection(-1, 5, 'previous')).toBe(4);
  });

  it('moves and stops at the ends', () => {
    expect(moveSelection(2, 5, 'next')).toBe(3);
    expect(moveSelection(4, 5, 'next')).toBe(4);
    expect(moveSelection(0, 5, 'previous')).toBe(0);
    expect(moveSelection(0, 0, 'next')).toBe(-1);
  });
});
