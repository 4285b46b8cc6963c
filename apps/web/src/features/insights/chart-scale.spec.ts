import { describe, expect, it } from 'vitest';
import { areaPath, change, intensity, linear, linePath, niceTicks, stack } from './chart-scale';

describe('chart scale', () => {
  it('picks round ticks that reach the maximum', () => {
    expect(niceTicks(87)).toEqual([0, 50, 100]);
    expect(niceTicks(80)).toEqual([0, 20, 40, 60, 80]);
    expect(niceTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(niceTicks(0.3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(1000, 5)).toEqual([0, 200, 400, 600, 800, 1000]);
  });

  it('maps linearly, also onto a reversed range (SVG y grows downwards)', () => {
    const y = linear(0, 100, 200, 0);
    expect(y(0)).toBe(200);
    expect(y(25)).toBe(150);
    expect(linear(5, 5, 0, 10)(5)).toBe(5);
  });

  it('stacks series bottom first', () => {
    expect(
      stack([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual([
      [
        [0, 1],
        [0, 2],
      ],
      [
        [1, 4],
        [2, 6],
      ],
    ]);
  });

  it('draws lines and closed areas', () => {
    expect(
      linePath([
        [0, 10],
        [5.04, 2.26],
      ]),
    ).toBe('M0 10 L5 2.3');
    expect(areaPath([0, 10], [1, 2], [0, 0])).toBe('M0 1 L10 2 L10 0 L0 0 Z');
    expect(areaPath([], [], [])).toBe('');
  });

  it('gives colour intensity and period-over-period change', () => {
    expect(intensity(5, 10)).toBe(0.5);
    expect(intensity(3, 0)).toBe(0);
    expect(change(120, 100)).toBeCloseTo(0.2);
    expect(change(0, 0)).toBe(0);
    expect(change(5, 0)).toBeNull();
  });
});
