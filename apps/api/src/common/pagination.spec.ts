import { describe, expect, it } from 'vitest';
import { AppException } from './app.exception.js';
import { decodeCursor, encodeCursor, toPage } from './pagination.js';

describe('keyset cursors', () => {
  it('round-trip the sort key', () => {
    expect(decodeCursor(encodeCursor(['Ann', 'id-1']), 2)).toEqual(['Ann', 'id-1']);
    expect(decodeCursor(undefined, 2)).toBeUndefined();
  });

  it('refuse a cursor of another shape with a 400 naming the field', () => {
    for (const bad of ['garbage', encodeCursor(['a']), Buffer.from('{"a":1}').toString('base64url')]) {
      try {
        decodeCursor(bad, 2);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(AppException);
        expect((e as AppException).status).toBe(400);
        expect((e as AppException).message).toMatch(/cursor/);
      }
    }
  });

  it('gives a next cursor only when there is another page', () => {
    const rows = [1, 2, 3].map((n) => ({ n }));
    const more = toPage(
      rows,
      2,
      (r) => r.n,
      (r) => [r.n],
    );
    expect(more).toEqual({ items: [1, 2], nextCursor: encodeCursor([2]) });
    expect(
      toPage(
        rows,
        3,
        (r) => r.n,
        (r) => [r.n],
      ).nextCursor,
    ).toBeNull();
  });
});
