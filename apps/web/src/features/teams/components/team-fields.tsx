import { ASSIGNMENT_MODES, type AssignmentMode } from '@dengar/contracts';
import { SelectField, TextField } from '../../../components/form-fields';
import { useT } from '../../../i18n/i18n-provider';
import type { FieldErrors } from '../../../lib/form-errors';

export interface TeamDraft {
  name: string;
  assignmentMode: AssignmentMode;
}

/** What a team is created and edited with: its name and how it assigns tickets. */
export function TeamFields({
  value,
  onChange,
  errors,
}: {
  value: TeamDraft;
  onChange: (draft: TeamDraft) => void;
  errors: FieldErrors;
}) {
  const t = useT();
  return (
    <>
      <TextField
        label={t('teams.field.name')}
        autoComplete="off"
        required
        value={value.name}
        error={errors.name}
        onChange={(event) => onChange({ ...value, name: event.target.value })}
      />
      <SelectField
        label={t('teams.field.mode')}
        value={value.assignmentMode}
        hint={t('teams.hint.mode')}
        error={errors.assignmentMode}
        onChange={(event) => onChange({ ...value, assignmentMode: event.target.value as AssignmentMode })}
      >
        {ASSIGNMENT_MODES.map((mode) => (
          <option key={mode} value={mode}>
            {t(`teams.mode.${mode}`)}
          </option>
        ))}
      </SelectField>
    </>
  );
}
