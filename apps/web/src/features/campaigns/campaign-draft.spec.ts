import { CreateCampaignRequestSchema, type Campaign } from '@dengar/contracts';
import { describe, expect, it } from 'vitest';
import {
  campaignBody,
  campaignChanges,
  campaignDraftOf,
  campaignDraftProblems,
  emptyCampaignDraft,
} from './campaign-draft';

const campaign: Campaign = {
  id: '0d7c3b1e-5a4f-4e2d-9c8b-7a6f5e4d3c2b',
  name: 'Ramadan sale',
  brandId: null,
  hashtags: ['ramadansale'],
  keywords: [],
  startsAt: '2026-03-01T00:00:00.000Z',
  endsAt: '2026-03-31T23:59:59.999Z',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('campaign drafts', () => {
  it('reads the days back as they were typed', () => {
    expect(campaignDraftOf(campaign)).toMatchObject({ brandId: '', startsOn: '2026-03-01', endsOn: '2026-03-31' });
  });

  it('builds a request the contract accepts, the last day included', () => {
    const body = campaignBody({
      ...emptyCampaignDraft('2026-05-01'),
      name: 'Lebaran',
      hashtags: ['lebaran'],
      endsOn: '2026-05-10',
    });
    expect(body).toEqual({
      name: 'Lebaran',
      brandId: null,
      hashtags: ['lebaran'],
      keywords: [],
      startsAt: '2026-05-01',
      endsAt: '2026-05-10T23:59:59.999Z',
    });
    expect(CreateCampaignRequestSchema.safeParse(body).success).toBe(true);
  });

  it('sends only what changed, and an emptied end date as null', () => {
    expect(campaignChanges(campaign, campaignDraftOf(campaign))).toEqual({});
    expect(campaignChanges(campaign, { ...campaignDraftOf(campaign), endsOn: '', keywords: ['mudik'] })).toEqual({
      keywords: ['mudik'],
      endsAt: null,
    });
  });

  it('names a missing start and a campaign with nothing to match', () => {
    expect(campaignDraftProblems({ ...emptyCampaignDraft(''), name: 'x' })).toEqual({
      startsAt: 'required',
      hashtags: 'needTerms',
    });
    expect(campaignDraftProblems(campaignDraftOf(campaign))).toEqual({});
  });
});
