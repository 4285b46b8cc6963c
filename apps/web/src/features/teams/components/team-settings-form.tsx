import { UpdateTeamRequestSchema, type Team } from '@dengar/contracts';
import { useState, type FormEvent } from 'react';
import { FormActions, SaveErrorAlert } from '../../../components/form-fields';
import { useT } from '../../../i18n/i18n-provider';
import { pushToast } from '../../../lib/toast-store';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useUpdateTeam } from '../api/update-team';
import { TeamFields, type TeamDraft } from './team-fields';

/** Rename a team or change how it assigns tickets. Keyed by team id by the caller, so it resets per team. */
export function TeamSettingsForm({ team }: { team: Team }) {
  const t = useT();
  const updateTeam = useUpdateTeam();
  const [draft, setDraft] = useState<TeamDraft>({ name: team.name, assignmentMode: team.assignmentMode });
  const { serverError, fieldErrors, validate } = useFormErrors(updateTeam);
  const changes = {
    ...(draft.name.trim() !== team.name ? { name: draft.name } : {}),
    ...(draft.assignmentMode !== team.assignmentMode ? { assignmentMode: draft.assignmentMode } : {}),
  };
  const dirty = Object.keys(changes).length > 0;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!dirty) return;
    const body = validate(UpdateTeamRequestSchema, changes);
    if (!body) return;
    updateTeam.mutate(
      { id: team.id, changes: body },
      {
        onSuccess: (saved) => {
          setDraft({ name: saved.name, assignmentMode: saved.assignmentMode });
          pushToast('success', t('teams.saved', { name: saved.name }));
        },
      },
    );
  }

  return (
    <form className="form form--inline" onSubmit={submit} noValidate>
      <SaveErrorAlert error={serverError} />
      <TeamFields value={draft} onChange={setDraft} errors={fieldErrors} />
      <FormActions
        submitLabel={t('teams.saveChanges')}
        pendingLabel={t('common.saving')}
        pending={updateTeam.isPending}
        disabled={!dirty}
      />
    </form>
  );
}
