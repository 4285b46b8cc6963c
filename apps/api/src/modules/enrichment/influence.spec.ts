import { describe, expect, it } from 'vitest';
import { influenceScore } from './influence.js';

const base = { followers: 0, verified: false, mentionCount: 0 };

describe('influenceScore', () => {
  it('grows with followers and never decreases', () => {
    let previous = -1;
    for (const followers of [0, 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 1_000_000_000]) {
      const score = influenceScore({ ...base, followers });
      expect(score).toBeGreaterThanOrEqual(previous);
      previous = score;
    }
    expect(influenceScore({ ...base, followers: 100_000 })).toBeGreaterThan(
      influenceScore({ ...base, followers: 1_000 }),
    );
  });

  it('stays an integer within 0–100 for extreme and odd inputs', () => {
    const inputs = [
      { ...base, followers: null },
      { ...base, followers: -5, mentionCount: -1 },
      {
        followers: Number.MAX_SAFE_INTEGER,
        verified: true,
        mentionCount: 1e9,
        metrics: { likes: 1e9, reposts: 1e9, replies: 1e9 },
      },
      { ...base, followers: Number.NaN },
    ];
    for (const input of inputs) {
      const score = influenceScore(input);
      expect(Number.isInteger(score)).toBe(true);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(100);
    }
    expect(influenceScore(inputs[2]!)).toBe(100);
    expect(influenceScore({ ...base, followers: null })).toBe(0);
  });

  it('adds for verification, engagement and a history of mentions', () => {
    const plain = influenceScore({ ...base, followers: 500 });
    expect(influenceScore({ ...base, followers: 500, verified: true })).toBe(plain + 15);
    expect(
      influenceScore({ ...base, followers: 500, metrics: { likes: 300, reposts: 50, replies: 20 } }),
    ).toBeGreaterThan(plain);
    expect(influenceScore({ ...base, followers: 500, mentionCount: 40 })).toBeGreaterThan(plain);
  });

  it('follows the documented formula', () => {
    // 60 · log10(1001)/7 ≈ 25.7 → 26
    expect(influenceScore({ ...base, followers: 1_000 })).toBe(26);
    // 60 · log10(1e6+1)/7 + 15 ≈ 66.4 → 66
    expect(influenceScore({ ...base, followers: 1_000_000, verified: true })).toBe(66);
  });
});
