import type { Campaign } from '@dengar/contracts';

/** A campaign as its form holds it: dates as the `YYYY-MM-DD` of a date input, no brand as ''. */
export interface CampaignDraft {
  name: string;
  brandId: string;
  hashtags: string[];
  keywords: string[];
  startsOn: string;
  endsOn: string;
}

/** The UTC calendar day of a timestamp: the API reads a bare date as that day's start in UTC. */
export function utcDay(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/** The last day is part of the campaign: it ends at that day's last millisecond (UTC). */
export function endOfUtcDay(day: string): string {
  return `${day}T23:59:59.999Z`;
}

export const emptyCampaignDraft = (today: string): CampaignDraft => ({
  name: '',
  brandId: '',
  hashtags: [],
  keywords: [],
  startsOn: today,
  endsOn: '',
});

export const campaignDraftOf = (campaign: Campaign): CampaignDraft => ({
  name: campaign.name,
  brandId: campaign.brandId ?? '',
  hashtags: [...campaign.hashtags],
  keywords: [...campaign.keywords],
  startsOn: utcDay(campaign.startsAt),
  endsOn: campaign.endsAt ? utcDay(campaign.endsAt) : '',
});

/** The create request for a draft (checked by the contract schema before it is sent). */
export function campaignBody(draft: CampaignDraft): Record<string, unknown> {
  return {
    name: draft.name,
    brandId: draft.brandId === '' ? null : draft.brandId,
    hashtags: draft.hashtags,
    keywords: draft.keywords,
    startsAt: draft.startsOn,
    endsAt: draft.endsOn === '' ? null : endOfUtcDay(draft.endsOn),
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((term, index) => term === b[index]);

/** Only what changed (empty: nothing to save). */
export function campaignChanges(campaign: Campaign, draft: CampaignDraft): Record<string, unknown> {
  const before = campaignDraftOf(campaign);
  const body = campaignBody(draft);
  const changes: Record<string, unknown> = {};
  if (draft.name.trim() !== campaign.name) changes.name = draft.name;
  if (draft.brandId !== before.brandId) changes.brandId = body.brandId;
  if (!sameList(draft.hashtags, before.hashtags)) changes.hashtags = draft.hashtags;
  if (!sameList(draft.keywords, before.keywords)) changes.keywords = draft.keywords;
  if (draft.startsOn !== before.startsOn) changes.startsAt = body.startsAt;
  if (draft.endsOn !== before.endsOn) changes.endsAt = body.endsAt;
  return changes;
}

/** What the form checks before the schema: the messages of these two rules are worth more than "invalid". */
export function campaignDraftProblems(draft: CampaignDraft): { startsAt?: 'required'; hashtags?: 'needTerms' } {
  return {
    ...(draft.startsOn === '' ? { startsAt: 'required' as const } : {}),
    ...(draft.hashtags.length + draft.keywords.length === 0 ? { hashtags: 'needTerms' as const } : {}),
  };
}
