import { SelectField, TextField } from '../../../components/form-fields';
import { addTerms, TermListField, termListError } from '../../../components/term-list-field';
import { useT } from '../../../i18n/i18n-provider';
import type { FieldErrors } from '../../../lib/form-errors';
import type { CampaignDraft } from '../campaign-draft';

/** A brand a campaign may belong to; the caller supplies them (brands are another feature). */
export interface BrandOption {
  id: string;
  name: string;
}

export function CampaignFields({
  value,
  onChange,
  errors,
  brands,
}: {
  value: CampaignDraft;
  /** Called with the fields that changed; the form merges them into its latest draft. */
  onChange: (changes: Partial<CampaignDraft>) => void;
  errors: FieldErrors;
  brands: readonly BrandOption[];
}) {
  const t = useT();
  // A campaign of a brand that is no longer listed still shows which one it was.
  const unknownBrand = value.brandId !== '' && !brands.some((brand) => brand.id === value.brandId);
  return (
    <>
      <TextField
        label={t('campaigns.field.name')}
        autoComplete="off"
        required
        value={value.name}
        error={errors.name}
        onChange={(event) => onChange({ name: event.target.value })}
      />
      <SelectField
        label={t('campaigns.field.brand')}
        value={value.brandId}
        hint={t('campaigns.hint.brand')}
        error={errors.brandId}
        onChange={(event) => onChange({ brandId: event.target.value })}
      >
        <option value="">{t('campaigns.anyOwnBrand')}</option>
        {unknownBrand && <option value={value.brandId}>{t('campaigns.unknownBrand')}</option>}
        {brands.map((brand) => (
          <option key={brand.id} value={brand.id}>
            {brand.name}
          </option>
        ))}
      </SelectField>
      <TermListField
        label={t('campaigns.field.hashtags')}
        value={value.hashtags}
        prefix="#"
        hint={t('campaigns.hint.hashtags')}
        error={termListError(errors, 'hashtags')}
        onChange={(hashtags) =>
          onChange({ hashtags: addTerms([], hashtags.map((tag) => tag.replace(/^#+/, '').trim()).filter(Boolean)) })
        }
      />
      <TermListField
        label={t('campaigns.field.keywords')}
        value={value.keywords}
        error={termListError(errors, 'keywords')}
        onChange={(keywords) => onChange({ keywords })}
      />
      <TextField
        label={t('campaigns.field.startsOn')}
        type="date"
        required
        value={value.startsOn}
        error={errors.startsAt}
        onChange={(event) => onChange({ startsOn: event.target.value })}
      />
      <TextField
        label={t('campaigns.field.endsOn')}
        type="date"
        min={value.startsOn || undefined}
        value={value.endsOn}
        hint={t('campaigns.hint.endsOn')}
        error={errors.endsAt}
        onChange={(event) => onChange({ endsOn: event.target.value })}
      />
    </>
  );
}
