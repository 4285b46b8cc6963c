import { describe, expect, it } from 'vitest';
import { concatValues, medianAndP90, percentilesCont, selectInPlace, unpackFloat8 } from './care-percentiles.js';

const pack = (values: number[]) => {
  const buf = Buffer.alloc(values.length * 8);
  values.forEach((v, i) => buf.writeDoubleBE(v, i * 8));
  return buf;
};

/** The textbook definition over a full sort: the oracle. */
function bySorting(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  const rank = q * (s.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return lo === hi ? s[lo]! : s[lo]! + (s[hi]! - s[lo]!) * (rank - lo);
}

/** A small deterministic generator (the test must not depend on luck). */
function lcg(seed: number) {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('care percentiles', () => {
  it('unpacks big-endian doubles exactly, and nothing from null', () => {
    const values = [0, 1.5, 37.983333333333334, -2, 1e-9, 3900];
    expect([...unpackFloat8(pack(values))]).toEqual(values);
    expect(unpackFloat8(null)).toHaveLength(0);
    expect(() => unpackFloat8(Buffer.alloc(12))).toThrow(/12 bytes/);
  });

  it('interpolates like percentile_cont', () => {
    // SELECT percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY x) FROM unnest('{10,20,30,40,3900}'::float8[]) x
    // → {30,2356.0000000000005} (with extra_float_digits = 3): the same double, bit for bit.
    expect(medianAndP90([Float64Array.from([3900, 10]), Float64Array.from([30, 20, 40])])).toEqual([
      30, 2356.0000000000005,
    ]);
    expect(medianAndP90([Float64Array.from([4, 1]), Float64Array.from([3, 2])])).toEqual([2.5, 3.7]);
    expect(medianAndP90([Float64Array.from([7])])).toEqual([7, 7]);
    expect(medianAndP90([new Float64Array(0), new Float64Array(0)])).toBeNull();
    expect(percentilesCont(new Float64Array(0), [0.5])).toBeNull();
  });

  it('selects the same values a full sort gives, whatever the order and duplicates', () => {
    const rand = lcg(42);
    const shapes: [string, (n: number) => number[]][] = [
      ['random', (n) => Array.from({ length: n }, () => rand() * 600)],
      ['skewed', (n) => Array.from({ length: n }, () => rand() ** 3 * 3000)],
      ['few distinct', (n) => Array.from({ length: n }, () => Math.floor(rand() * 4))],
      ['all equal', (n) => Array.from({ length: n }, () => 15)],
      ['ascending', (n) => Array.from({ length: n }, (_, i) => i)],
      ['descending', (n) => Array.from({ length: n }, (_, i) => n - i)],
      ['organ pipe', (n) => Array.from({ length: n }, (_, i) => Math.min(i, n - i))],
    ];
    for (const [name, make] of shapes) {
      for (const n of [1, 2, 3, 10, 101, 1000, 20_000]) {
        const values = make(n);
        const got = percentilesCont(Float64Array.from(values), [0.25, 0.5, 0.9, 1]);
        expect(got, `${name}, ${n} values`).toEqual([0.25, 0.5, 0.9, 1].map((q) => bySorting(values, q)));
      }
    }
  });

  it('puts the k-th value in place with nothing greater before it and nothing smaller after it', () => {
    const rand = lcg(7);
    const a = Float64Array.from({ length: 5000 }, () => Math.floor(rand() * 50));
    const sorted = Float64Array.from(a).sort();
    for (const k of [0, 1, 2500, 4998, 4999]) {
      const b = Float64Array.from(a);
      selectInPlace(b, k);
      expect(b[k]).toBe(sorted[k]);
      expect(b.subarray(0, k).every((v) => v <= b[k]!)).toBe(true);
      expect(b.subarray(k + 1).every((v) => v >= b[k]!)).toBe(true);
    }
  });

  it('joins groups without changing their values', () => {
    expect([...concatValues([Float64Array.from([3, 1]), new Float64Array(0), Float64Array.from([2])])]).toEqual([
      3, 1, 2,
    ]);
  });
});
