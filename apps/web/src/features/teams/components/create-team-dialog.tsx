import { CreateTeamRequestSchema, type Team } from '@dengar/contracts';
import { useState, type FormEvent } from 'react';
import { DialogButton } from '../../../components/dialog';
import { FormActions, SaveErrorAlert } from '../../../components/form-fields';
import { useT } from '../../../i18n/i18n-provider';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useCreateTeam } from '../api/create-team';
import { TeamFields, type TeamDraft } from './team-fields';

export function CreateTeamButton({ onCreated }: { onCreated?: (team: Team) => void }) {
  const t = useT();
  return (
    <DialogButton label={t('teams.new')} title={t('teams.createTitle')}>
      {(close) => (
        <CreateTeamForm
          onCancel={close}
          onCreated={(team) => {
            close();
            onCreated?.(team);
          }}
        />
      )}
    </DialogButton>
  );
}

function CreateTeamForm({ onCreated, onCancel }: { onCreated: (team: Team) => void; onCancel: () => void }) {
  const t = useT();
  const createTeam = useCreateTeam();
  const [draft, setDraft] = useState<TeamDraft>({ name: '', assignmentMode: 'manual' });
  const { serverError, fieldErrors, validate } = useFormErrors(createTeam);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = validate(CreateTeamRequestSchema, draft);
    if (body) createTeam.mutate(body, { onSuccess: onCreated });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <SaveErrorAlert error={serverError} />
      <TeamFields value={draft} onChange={setDraft} errors={fieldErrors} />
      <FormActions
        submitLabel={t('teams.create')}
        pendingLabel={t('teams.creating')}
        pending={createTeam.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
