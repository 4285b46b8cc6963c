import { UpdateBrandRequestSchema, type Brand, type UpdateBrandRequest } from '@dengar/contracts';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/dialog';
import { FormActions, SaveErrorAlert } from '../../../components/form-fields';
import { useT } from '../../../i18n/i18n-provider';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useUpdateBrand } from '../api/update-brand';
import { brandChanges, brandDraftOf, type BrandDraft } from '../brand-draft';
import { BrandFields } from './brand-fields';

export function EditBrandDialog({
  brand,
  onClose,
  onSaved,
}: {
  brand: Brand | null;
  onClose: () => void;
  onSaved?: (brand: Brand) => void;
}) {
  const t = useT();
  return (
    <Dialog open={brand != null} onClose={onClose} title={brand ? t('brands.editTitle', { name: brand.name }) : ''}>
      {brand && (
        <EditBrandForm
          key={brand.id}
          brand={brand}
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

function EditBrandForm({
  brand,
  onSaved,
  onCancel,
}: {
  brand: Brand;
  onSaved: (brand: Brand) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const updateBrand = useUpdateBrand();
  const [draft, setDraft] = useState<BrandDraft>(() => brandDraftOf(brand));
  const { serverError, fieldErrors, validate } = useFormErrors(updateBrand);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const changes = brandChanges(brand, draft);
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    const body: UpdateBrandRequest | null = validate(UpdateBrandRequestSchema, changes);
    if (body) updateBrand.mutate({ id: brand.id, changes: body }, { onSuccess: onSaved });
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
        submitLabel={t('common.save')}
        pendingLabel={t('common.saving')}
        pending={updateBrand.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
