/**
 * Care percentiles computed in the app from the durations PostgreSQL sends packed (`string_agg(float8send(x))`:
 * big-endian IEEE doubles, no text formatting or parsing per value). Same definition as `percentile_cont`: linear
 * interpolation between the two values around rank q × (n − 1); those two values are found by selection
 * (quickselect, linear time) rather than a sort: a 20,000-value sort costs ~3.5 ms in Node 20, and care asks for
 * four durations × (total + every team + every agent).
 */

/** The doubles of a `string_agg(float8send(…), '')` value; none for null (every input was null). */
export function unpackFloat8(packed: Buffer | null): Float64Array {
  if (!packed) return new Float64Array(0);
  if (packed.length % 8 !== 0) throw new Error(`packed doubles: ${packed.length} bytes is not a multiple of 8`);
  const out = new Float64Array(packed.length / 8);
  for (let i = 0; i < out.length; i++) out[i] = packed.readDoubleBE(i * 8);
  return out;
}

/** The values of several groups together, in one new array (any order). */
export function concatValues(groups: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(groups.reduce((n, g) => n + g.length, 0));
  let at = 0;
  for (const g of groups) {
    out.set(g, at);
    at += g.length;
  }
  return out;
}

/**
 * Rearranges `a[from..to)` so that `a[k]` holds the value a sort would put there, with nothing greater before it
 * and nothing smaller after it (Hoare partitions around a median-of-three pivot). Falls back to sorting the range
 * when partitions keep coming out lopsided, so no input makes it quadratic.
 */
export function selectInPlace(a: Float64Array, k: number, from = 0, to = a.length): void {
  let lo = from;
  let hi = to - 1;
  let budget = 2 * Math.ceil(Math.log2(to - from + 1)) + 8;
  while (hi > lo) {
    if (budget-- === 0) {
      a.subarray(lo, hi + 1).sort();
      return;
    }
    const mid = lo + ((hi - lo) >> 1);
    // Median of a[lo], a[mid], a[hi] as the pivot.
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    // Now a[lo..j] ≤ pivot ≤ a[i..hi], and a[j+1..i-1] == pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** The smallest value of `a[from..to)`. */
function minOf(a: Float64Array, from: number, to: number): number {
  let m = a[from]!;
  for (let i = from + 1; i < to; i++) if (a[i]! < m) m = a[i]!;
  return m;
}

/**
 * `percentile_cont` at each of the ascending quantiles `qs`, or null without values. Reorders `values`: pass a
 * copy you do not need sorted (each selection narrows the range the next one searches).
 */
export function percentilesCont(values: Float64Array, qs: readonly number[]): number[] | null {
  const n = values.length;
  if (n === 0) return null;
  let from = 0;
  return qs.map((q) => {
    const rank = q * (n - 1);
    const lo = Math.floor(rank);
    selectInPlace(values, lo, from, n);
    from = lo;
    const a = values[lo]!;
    if (Math.ceil(rank) === lo) return a;
    // The next value in order is the smallest of everything after position lo.
    return a + (minOf(values, lo + 1, n) - a) * (rank - lo);
  });
}

/** Median and p90 of the groups' values together, as `percentile_cont(ARRAY[0.5, 0.9])` gives them. */
export function medianAndP90(groups: readonly Float64Array[]): [number, number] | null {
  const p = percentilesCont(concatValues(groups), [0.5, 0.9]);
  return p ? [p[0]!, p[1]!] : null;
}
