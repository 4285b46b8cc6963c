import { BRAND_KINDS, type BrandKind } from '@dengar/contracts';
import { SelectField, TextField } from '../../../components/form-fields';
import { addTerms, TermListField, termListError } from '../../../components/term-list-field';
import { useT } from '../../../i18n/i18n-provider';
import type { FieldErrors } from '../../../lib/form-errors';
import type { BrandDraft } from '../brand-draft';

/** Handles are stored without `@` and hashtags without `#` (the API strips them too); typing them is fine. */
function withoutPrefix(terms: string[], prefix: '@' | '#'): string[] {
  const stripped = terms.map((term) => term.replace(prefix === '@' ? /^@+/ : /^#+/, '').trim()).filter(Boolean);
  return addTerms([], stripped);
}

/** What a brand is created and edited with: its name, whose it is, and the terms that find its mentions. */
export function BrandFields({
  value,
  onChange,
  errors,
}: {
  value: BrandDraft;
  /** Called with the fields that changed; the form merges them into its latest draft. */
  onChange: (changes: Partial<BrandDraft>) => void;
  errors: FieldErrors;
}) {
  const t = useT();
  return (
    <>
      <TextField
        label={t('brands.field.name')}
        autoComplete="off"
        required
        value={value.name}
        error={errors.name}
        onChange={(event) => onChange({ name: event.target.value })}
      />
      <SelectField
        label={t('brands.field.kind')}
        value={value.kind}
        hint={t('brands.hint.kind')}
        error={errors.kind}
        onChange={(event) => onChange({ kind: event.target.value as BrandKind })}
      >
        {BRAND_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`brands.kind.${kind}`)}
          </option>
        ))}
      </SelectField>
      <TermListField
        label={t('brands.field.keywords')}
        value={value.keywords}
        hint={t('brands.hint.keywords')}
        error={termListError(errors, 'keywords')}
        onChange={(keywords) => onChange({ keywords })}
      />
      <TermListField
        label={t('brands.field.handles')}
        value={value.handles}
        prefix="@"
        hint={t('brands.hint.handles')}
        error={termListError(errors, 'handles')}
        onChange={(handles) => onChange({ handles: withoutPrefix(handles, '@') })}
      />
      <TermListField
        label={t('brands.field.hashtags')}
        value={value.hashtags}
        prefix="#"
        hint={t('brands.hint.hashtags')}
        error={termListError(errors, 'hashtags')}
        onChange={(hashtags) => onChange({ hashtags: withoutPrefix(hashtags, '#') })}
      />
      <TermListField
        label={t('brands.field.excludedKeywords')}
        value={value.excludedKeywords}
        hint={t('brands.hint.excludedKeywords')}
        error={termListError(errors, 'excludedKeywords')}
        onChange={(excludedKeywords) => onChange({ excludedKeywords })}
      />
    </>
  );
}
