import { UpdateCampaignRequestSchema, type Campaign, type UpdateCampaignRequest } from '@dengar/contracts';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/dialog';
import { FormActions, SaveErrorAlert } from '../../../components/form-fields';
import { useT } from '../../../i18n/i18n-provider';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useUpdateCampaign } from '../api/update-campaign';
import { campaignChanges, campaignDraftOf, type CampaignDraft } from '../campaign-draft';
import { CampaignFields, type BrandOption } from './campaign-fields';
import { useCampaignProblems } from '../hooks/use-campaign-problems';

export function EditCampaignDialog({
  campaign,
  brands,
  onClose,
  onSaved,
}: {
  campaign: Campaign | null;
  brands: readonly BrandOption[];
  onClose: () => void;
  onSaved?: (campaign: Campaign) => void;
}) {
  const t = useT();
  return (
    <Dialog
      open={campaign != null}
      onClose={onClose}
      title={campaign ? t('campaigns.editTitle', { name: campaign.name }) : ''}
    >
      {campaign && (
        <EditCampaignForm
          key={campaign.id}
          campaign={campaign}
          brands={brands}
          onCancel={onClose}
          onSaved={(saved) => {
            onClose();
            onSaved?.(saved);
          }}
        />
      )}
    </Dialog>
  );
}

function EditCampaignForm({
  campaign,
  brands,
  onSaved,
  onCancel,
}: {
  campaign: Campaign;
  brands: readonly BrandOption[];
  onSaved: (campaign: Campaign) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const updateCampaign = useUpdateCampaign();
  const [draft, setDraft] = useState<CampaignDraft>(() => campaignDraftOf(campaign));
  const { serverError, fieldErrors, validate } = useFormErrors(updateCampaign);
  const problems = useCampaignProblems();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const changes = campaignChanges(campaign, draft);
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    const body: UpdateCampaignRequest | null = validate(UpdateCampaignRequestSchema, changes);
    if (problems.check(draft) && body)
      updateCampaign.mutate({ id: campaign.id, changes: body }, { onSuccess: onSaved });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <SaveErrorAlert error={serverError} />
      <CampaignFields
        value={draft}
        onChange={(changes) => setDraft((current) => ({ ...current, ...changes }))}
        errors={{ ...fieldErrors, ...problems.errors }}
        brands={brands}
      />
      <FormActions
        submitLabel={t('common.save')}
        pendingLabel={t('common.saving')}
        pending={updateCampaign.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
