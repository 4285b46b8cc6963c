import { describe, expect, it } from 'vitest';
import { DraftStore, type DraftStorage } from './draft-store';

class FakeStorage implements DraftStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const A = 'ticket-a';
const B = 'ticket-b';

describe('DraftStore', () => {
  it('keeps a draft per ticket and per mode', () => {
    const store = new DraftStore(new FakeStorage());
    store.set(A, 'reply', 'hello A');
    store.set(A, 'note', 'note A');
    store.set(B, 'reply', 'hello B');
    expect(store.get(A, 'reply')).toBe('hello A');
    expect(store.get(A, 'note')).toBe('note A');
    expect(store.get(B, 'reply')).toBe('hello B');
    expect(store.get(B, 'note')).toBe('');
  });

  it('survives a reload through the storage, and clearing removes it from both', () => {
    const storage = new FakeStorage();
    new DraftStore(storage).set(A, 'reply', 'typed before reload');
    const reloaded = new DraftStore(storage);
    expect(reloaded.get(A, 'reply')).toBe('typed before reload');
    reloaded.clear(A, 'reply');
    expect(reloaded.get(A, 'reply')).toBe('');
    expect(storage.items.size).toBe(0);
  });

  it('drops a draft set to empty', () => {
    const storage = new FakeStorage();
    const store = new DraftStore(storage);
    store.set(A, 'note', 'x');
    store.set(A, 'note', '');
    expect(storage.items.size).toBe(0);
    expect(store.get(A, 'note')).toBe('');
  });

  it('works in memory when storage throws or is missing', () => {
    const broken: DraftStorage = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('blocked');
      },
    };
    const store = new DraftStore(broken);
    store.set(A, 'reply', 'kept');
    expect(store.get(A, 'reply')).toBe('kept');
    expect(store.get(B, 'reply')).toBe('');
    const none = new DraftStore(null);
    none.set(A, 'reply', 'mem');
    expect(none.get(A, 'reply')).toBe('mem');
  });
});
