import { CreateBrandRequestSchema, type Brand } from '@dengar/contracts';
import { useState, type FormEvent } from 'react';
import { DialogButton } from '../../../components/dialog';
import { FormActions, SaveErrorAlert } from '../../../components/form-fields';
import { useT } from '../../../i18n/i18n-provider';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useCreateBrand } from '../api/create-brand';
import { emptyBrandDraft, type BrandDraft } from '../brand-draft';
import { BrandFields } from './brand-fields';

export function CreateBrandButton({ onCreated }: { onCreated?: (brand: Brand) => void }) {
  const t = useT();
  return (
    <DialogButton label={t('brands.new')} title={t('brands.createTitle')}>
      {(close) => (
        <CreateBrandForm
          onCancel={close}
          onCreated={(brand) => {
            close();
            onCreated?.(brand);
          }}
        />
      )}
    </DialogButton>
  );
}

function CreateBrandForm({ onCreated, onCancel }: { onCreated: (brand: Brand) => void; onCancel: () => void }) {
  const t = useT();
  const createBrand = useCreateBrand();
  const [draft, setDraft] = useState<BrandDraft>(emptyBrandDraft);
  const { serverError, fieldErrors, validate } = useFormErrors(createBrand);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = validate(CreateBrandRequestSchema, draft);
    if (body) createBrand.mutate(body, { onSuccess: onCreated });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <SaveErrorAlert error={serverError} />
      <BrandFields
        value={draft}
        onChange={(changes) => setDraft((current) => ({ ...current, ...changes }))}
        errors={fieldErrors}
      />
      <FormActions
        submitLabel={t('brands.create')}
        pendingLabel={t('brands.creating')}
        pending={createBrand.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
