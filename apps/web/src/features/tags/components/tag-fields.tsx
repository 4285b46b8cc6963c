import { TAG_KINDS, type TagKind } from '@dengar/contracts';
import { SelectField, TextField } from '../../../components/form-fields';
import { useT } from '../../../i18n/i18n-provider';
import type { FieldErrors } from '../../../lib/form-errors';

export interface TagDraft {
  name: string;
  kind: TagKind;
  color: string;
}

export function TagFields({
  value,
  onChange,
  errors,
}: {
  value: TagDraft;
  onChange: (changes: Partial<TagDraft>) => void;
  errors: FieldErrors;
}) {
  const t = useT();
  return (
    <>
      <TextField
        label={t('care.tags.field.name')}
        autoComplete="off"
        required
        value={value.name}
        error={errors.name}
        onChange={(event) => onChange({ name: event.target.value })}
      />
      <SelectField
        label={t('care.tags.field.kind')}
        value={value.kind}
        hint={t(`care.tags.kindHint.${value.kind}`)}
        error={errors.kind}
        onChange={(event) => onChange({ kind: event.target.value as TagKind })}
      >
        {TAG_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`care.tags.kind.${kind}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('care.tags.field.color')}
        type="color"
        className="tag-color-field"
        value={value.color}
        error={errors.color}
        onChange={(event) => onChange({ color: event.target.value })}
      />
    </>
  );
}
