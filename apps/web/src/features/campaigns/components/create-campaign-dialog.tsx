import { CreateCampaignRequestSchema, type Campaign } from '@dengar/contracts';
import { useState, type FormEvent } from 'react';
import { DialogButton } from '../../../components/dialog';
import { FormActions, SaveErrorAlert } from '../../../components/form-fields';
import { useT } from '../../../i18n/i18n-provider';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useCreateCampaign } from '../api/create-campaign';
import { campaignBody, emptyCampaignDraft, utcDay, type CampaignDraft } from '../campaign-draft';
import { CampaignFields, type BrandOption } from './campaign-fields';
import { useCampaignProblems } from '../hooks/use-campaign-problems';

export function CreateCampaignButton({
  brands,
  onCreated,
}: {
  brands: readonly BrandOption[];
  onCreated?: (campaign: Campaign) => void;
}) {
  const t = useT();
  return (
    <DialogButton label={t('campaigns.new')} title={t('campaigns.createTitle')}>
      {(close) => (
        <CreateCampaignForm
          brands={brands}
          onCancel={close}
          onCreated={(campaign) => {
            close();
            onCreated?.(campaign);
          }}
        />
      )}
    </DialogButton>
  );
}

function CreateCampaignForm({
  brands,
  onCreated,
  onCancel,
}: {
  brands: readonly BrandOption[];
  onCreated: (campaign: Campaign) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const createCampaign = useCreateCampaign();
  const [draft, setDraft] = useState<CampaignDraft>(() => emptyCampaignDraft(utcDay(new Date().toISOString())));
  const { serverError, fieldErrors, validate } = useFormErrors(createCampaign);
  const problems = useCampaignProblems();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = validate(CreateCampaignRequestSchema, campaignBody(draft));
    if (problems.check(draft) && body) createCampaign.mutate(body, { onSuccess: onCreated });
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
        submitLabel={t('campaigns.create')}
        pendingLabel={t('campaigns.creating')}
        pending={createCampaign.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
