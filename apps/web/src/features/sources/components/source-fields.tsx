import { POLL_INTERVAL_MIN, SOURCE_KINDS, type SourceKind } from '@dengar/contracts';
import { SelectField, TextField } from '../../../components/form-fields';
import { useT } from '../../../i18n/i18n-provider';
import type { FieldErrors } from '../../../lib/form-errors';

export function SourceKindField({
  value,
  error,
  onChange,
}: {
  value: SourceKind | '';
  error: string | undefined;
  onChange: (kind: SourceKind) => void;
}) {
  const t = useT();
  return (
    <SelectField
      label={t('sources.field.kind')}
      value={value}
      required
      hint={value === '' ? undefined : t(`sources.kindHint.${value}`)}
      error={error}
      onChange={(event) => onChange(event.target.value as SourceKind)}
    >
      {value === '' && (
        <option value="" disabled>
          {t('sources.chooseKind')}
        </option>
      )}
      {SOURCE_KINDS.map((kind) => (
        <option key={kind} value={kind}>
          {t(`sources.kind.${kind}`)}
        </option>
      ))}
    </SelectField>
  );
}

export function SourceNameField({
  value,
  error,
  onChange,
}: {
  value: string;
  error: string | undefined;
  onChange: (name: string) => void;
}) {
  const t = useT();
  return (
    <TextField
      label={t('sources.field.name')}
      autoComplete="off"
      required
      value={value}
      error={error}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

/** How often the scheduler polls; empty on a new source means the kind's default. */
export function PollIntervalField({
  value,
  errors,
  onChange,
}: {
  value: string;
  errors: FieldErrors;
  onChange: (value: string) => void;
}) {
  const t = useT();
  return (
    <TextField
      label={t('sources.field.pollInterval')}
      type="number"
      inputMode="numeric"
      min={POLL_INTERVAL_MIN}
      step={1}
      value={value}
      hint={t('sources.hint.pollInterval', { min: POLL_INTERVAL_MIN })}
      error={errors.pollIntervalSec}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

/** A typed number, or NaN for the schema to name; empty is "not given". */
export function optionalNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}
