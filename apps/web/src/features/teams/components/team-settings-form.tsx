import { UpdateTeamRequestSchema, type AssignmentMode, type Team } from '@dengar/contracts';
import { useState, type FormEvent } from 'react';
import { FormAlert, SelectField, TextField } from '../../../components/form-fields';
import { useT } from '../../../i18n/i18n-provider';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { pushToast } from '../../../lib/toast-store';
import { useUpdateTeam } from '../api/update-team';
import { AssignmentModeOptions } from './assignment-mode-options';

/** Rename a team or change how it assigns tickets. Keyed by team id by the caller, so it resets per team. */
export function TeamSettingsForm({ team }: { team: Team }) {
  const t = useT();
  const updateTeam = useUpdateTeam();
  const [name, setName] = useState(team.name);
  const [assignmentMode, setAssignmentMode] = useState<AssignmentMode>(team.assignmentMode);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  const serverError = isApiError(updateTeam.error) ? updateTeam.error : null;
  const fieldErrors: FieldErrors = { ...(serverError?.fieldErrors ?? {}), ...clientErrors };
  const changes = {
    ...(name.trim() !== team.name ? { name } : {}),
    ...(assignmentMode !== team.assignmentMode ? { assignmentMode } : {}),
  };
  const dirty = Object.keys(changes).length > 0;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!dirty) return;
    const parsed = UpdateTeamRequestSchema.safeParse(changes);
    if (!parsed.success) {
      updateTeam.reset();
      setClientErrors(zodFieldErrors(parsed.error, t));
      return;
    }
    setClientErrors({});
    updateTeam.mutate(
      { id: team.id, changes: parsed.data },
      {
        onSuccess: (saved) => {
          setName(saved.name);
          setAssignmentMode(saved.assignmentMode);
          pushToast('success', t('teams.saved', { name: saved.name }));
        },
      },
    );
  }

  return (
    <form className="form form--inline" onSubmit={submit} noValidate>
      {serverError && (
        <FormAlert>{serverError.hasFieldErrors ? t('errors.formTitle') : errorMessage(serverError, t)}</FormAlert>
      )}
      <TextField
        label={t('teams.field.name')}
        autoComplete="off"
        required
        value={name}
        error={fieldErrors.name}
        onChange={(event) => setName(event.target.value)}
      />
      <SelectField
        label={t('teams.field.mode')}
        value={assignmentMode}
        hint={t('teams.hint.mode')}
        error={fieldErrors.assignmentMode}
        onChange={(event) => setAssignmentMode(event.target.value as AssignmentMode)}
      >
        <AssignmentModeOptions />
      </SelectField>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={!dirty || updateTeam.isPending}>
          {updateTeam.isPending ? t('common.saving') : t('teams.saveChanges')}
        </button>
      </div>
    </form>
  );
}
