import { CreateTeamRequestSchema, type AssignmentMode, type Team } from '@dengar/contracts';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/dialog';
import { FormAlert, SelectField, TextField } from '../../../components/form-fields';
import { useT } from '../../../i18n/i18n-provider';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useCreateTeam } from '../api/create-team';
import { AssignmentModeOptions } from './assignment-mode-options';

export function CreateTeamButton({ onCreated }: { onCreated?: (team: Team) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button--primary" onClick={() => setOpen(true)}>
        {t('teams.new')}
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('teams.createTitle')}>
        <CreateTeamForm
          onCancel={() => setOpen(false)}
          onCreated={(team) => {
            setOpen(false);
            onCreated?.(team);
          }}
        />
      </Dialog>
    </>
  );
}

function CreateTeamForm({ onCreated, onCancel }: { onCreated: (team: Team) => void; onCancel: () => void }) {
  const t = useT();
  const createTeam = useCreateTeam();
  const [name, setName] = useState('');
  const [assignmentMode, setAssignmentMode] = useState<AssignmentMode>('manual');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  const serverError = isApiError(createTeam.error) ? createTeam.error : null;
  const fieldErrors: FieldErrors = { ...(serverError?.fieldErrors ?? {}), ...clientErrors };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = CreateTeamRequestSchema.safeParse({ name, assignmentMode });
    if (!parsed.success) {
      createTeam.reset();
      setClientErrors(zodFieldErrors(parsed.error, t));
      return;
    }
    setClientErrors({});
    createTeam.mutate(parsed.data, { onSuccess: onCreated });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
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
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={createTeam.isPending}>
          {createTeam.isPending ? t('teams.creating') : t('teams.create')}
        </button>
      </div>
    </form>
  );
}
