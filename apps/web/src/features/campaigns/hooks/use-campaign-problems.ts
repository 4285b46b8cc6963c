import { useState } from 'react';
import { useT } from '../../../i18n/i18n-provider';
import type { FieldErrors } from '../../../lib/form-errors';
import { campaignDraftProblems, type CampaignDraft } from '../campaign-draft';

/** The form's own checks on top of the schema's: a missing start date, nothing to match. */
export function useCampaignProblems() {
  const t = useT();
  const [problems, setProblems] = useState<ReturnType<typeof campaignDraftProblems>>({});
  const errors: FieldErrors = {
    ...(problems.startsAt ? { startsAt: t('validation.required') } : {}),
    ...(problems.hashtags ? { hashtags: t('campaigns.needTerms') } : {}),
  };
  /** Checks the draft and says whether it passed. */
  function check(draft: CampaignDraft): boolean {
    const found = campaignDraftProblems(draft);
    setProblems(found);
    return Object.keys(found).length === 0;
  }
  return { errors, check };
}
