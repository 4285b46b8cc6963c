/** Scale and path maths for the insights charts (hand-written SVG: no chart library in the bundle). */

/** Round tick values from 0 to at least `max` (1, 2 or 5 times a power of ten), `count` steps or so. */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let value = 0; value < max + step; value += step) {
    ticks.push(Number(value.toPrecision(12)));
    if (value >= max) break;
  }
  return ticks;
}

/** A linear map from `[d0, d1]` onto `[r0, r1]` (a zero-width domain maps to the middle). */
export function linear(d0: number, d1: number, r0: number, r1: number): (value: number) => number {
  const span = d1 - d0;
  if (span === 0) return () => (r0 + r1) / 2;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** Running totals per index across series, bottom first: `[series][index] = [y0, y1]`. */
export function stack(series: readonly (readonly number[])[]): [number, number][][] {
  const length = Math.max(0, ...series.map((values) => values.length));
  const base = new Array<number>(length).fill(0);
  return series.map((values) =>
    Array.from({ length }, (_, i) => {
      const y0 = base[i] ?? 0;
      const y1 = y0 + (values[i] ?? 0);
      base[i] = y1;
      return [y0, y1] as [number, number];
    }),
  );
}

/** An SVG path through the points (`M x y L x y …`), rounded to tenths. */
export function linePath(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${round(x)} ${round(y)}`).join(' ');
}

/** A closed area between an upper and a lower line over the same x positions. */
export function areaPath(xs: readonly number[], upper: readonly number[], lower: readonly number[]): string {
  if (xs.length === 0) return '';
  const top = xs.map((x, i) => [x, upper[i] ?? 0] as const);
  const bottom = xs.map((x, i) => [x, lower[i] ?? 0] as const).reverse();
  return `${linePath(top)} ${bottom.map(([x, y]) => `L${round(x)} ${round(y)}`).join(' ')} Z`;
}

/** 0…1 share of `value` in the largest value, for colour intensity (0 when everything is 0). */
export function intensity(value: number, max: number): number {
  return max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
}

/** The change from `previous` to `current` as a fraction (null when there was nothing before). */
export function change(current: number, previous: number): number | null {
  if (previous === 0) return current === 0 ? 0 : null;
  return (current - previous) / previous;
}

const round = (n: number) => Math.round(n * 10) / 10;
