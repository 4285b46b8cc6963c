/**
 * Author influence, 0–100:
 *   followers   up to 60 — 60 · min(1, log10(1 + followers) / 7)       (1k ≈ 26, 100k ≈ 43, 10M = 60)
 *   verified    15
 *   engagement  up to 15 — 15 · min(1, log10(1 + likes + 2·reposts + 1.5·replies) / 4)   (10k = 15)
 *   history     up to 10 — 10 · min(1, log10(1 + earlier mentions) / 2)                 (99 = 10)
 * Logarithms because reach grows by orders of magnitude; unknown followers count as none.
 */
export interface InfluenceInput {
  followers: number | null;
  verified: boolean;
  mentionCount: number;
  metrics?: { likes: number; reposts: number; replies: number } | undefined;
}

const FOLLOWERS_POINTS = 60;
const VERIFIED_POINTS = 15;
const ENGAGEMENT_POINTS = 15;
const HISTORY_POINTS = 10;

function logShare(value: number, decades: number): number {
  if (!Number.isFinite(value) || value <= 0) return 0;
  return Math.min(1, Math.log10(1 + value) / decades);
}

export function influenceScore(input: InfluenceInput): number {
  const m = input.metrics;
  const engagement =
    m === undefined ? 0 : Math.max(0, m.likes) + 2 * Math.max(0, m.reposts) + 1.5 * Math.max(0, m.replies);
  const score =
    FOLLOWERS_POINTS * logShare(input.followers ?? 0, 7) +
    (input.verified ? VERIFIED_POINTS : 0) +
    ENGAGEMENT_POINTS * logShare(engagement, 4) +
    HISTORY_POINTS * logShare(input.mentionCount, 2);
  return Math.max(0, Math.min(100, Math.round(score)));
}
