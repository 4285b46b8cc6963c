import type { SentimentLabel } from '@dengar/contracts';

/** A customer writing on a ticket that is waiting, snoozed or resolved brings it back to the queue (SPEC §3). */
export function statusAfterCustomerMention(status: string): 'open' | null {
  return status === 'resolved' || status === 'pending' || status === 'snoozed' ? 'open' : null;
}

/**
 * The ticket's sentiment follows the thread's recent customer mentions: an exponential average that weighs
 * the newest mention most, so a thread that turns angry shows it at once and one that calms down recovers.
 */
export function threadSentiment(previous: number, latest: number): { label: SentimentLabel; score: number } {
  const score = Math.max(-1, Math.min(1, 0.6 * latest + 0.4 * previous));
  return { label: sentimentLabel(score), score: Math.round(score * 1000) / 1000 };
}

export function sentimentLabel(score: number): SentimentLabel {
  return score >= 0.2 ? 'positive' : score <= -0.2 ? 'negative' : 'neutral';
}

/** A ticket's subject: the mention's first non-empty line, at most 200 characters. */
export function subjectOf(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? text;
  const trimmed = line.trim().replace(/\s+/g, ' ');
  return trimmed.length > 200 ? `${trimmed.slice(0, 199)}…` : trimmed || '(no text)';
}

/** The platform ids a mention points at: its parent and its thread root. */
export function threadRefs(m: { inReplyToExternalId?: string | null; threadExternalId?: string | null }): string[] {
  return [...new Set([m.inReplyToExternalId, m.threadExternalId].filter((v): v is string => !!v))];
}

/**
 * Only mentions about the workspace's own brand open care tickets: one matching no brand is about the own
 * brand, one matching only competitors feeds insights (SPEC §3). Spam never opens a ticket.
 */
export function opensTicket(m: { isSpam: boolean; brandIds: string[] }, ownBrandIds: ReadonlySet<string>): boolean {
  if (m.isSpam) return false;
  return m.brandIds.length === 0 || m.brandIds.some((id) => ownBrandIds.has(id));
}
