import {
  CreateCannedResponseRequestSchema,
  UpdateCannedResponseRequestSchema,
  type CannedResponse,
  type Locale,
} from '@dengar/contracts';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/dialog';
import { FormActions, SaveErrorAlert } from '../../../components/form-fields';
import { useT } from '../../../i18n/i18n-provider';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useCreateCannedResponse } from '../api/create-canned-response';
import { useUpdateCannedResponse } from '../api/update-canned-response';
import { cannedChanges, cannedDraftOf, type CannedDraft } from '../canned-draft';
import { CannedFields } from './canned-fields';

/** `editing`: null while closed, `'new'` for a new response, else the response being changed. */
export type CannedEditing = CannedResponse | 'new' | null;

export function CannedDialog({
  editing,
  agentName,
  defaultLanguage,
  onClose,
  onSaved,
}: {
  editing: CannedEditing;
  agentName: string;
  defaultLanguage: Locale;
  onClose: () => void;
  onSaved: (response: CannedResponse, created: boolean) => void;
}) {
  const t = useT();
  const title =
    editing === null
      ? ''
      : editing === 'new'
        ? t('care.canned.createTitle')
        : t('care.canned.editTitle', { name: editing.name });
  return (
    <Dialog open={editing !== null} onClose={onClose} title={title}>
      {editing !== null && (
        <CannedForm
          response={editing === 'new' ? null : editing}
          agentName={agentName}
          defaultLanguage={defaultLanguage}
          onCancel={onClose}
          onSaved={(response) => {
            onClose();
            onSaved(response, editing === 'new');
          }}
        />
      )}
    </Dialog>
  );
}

function CannedForm({
  response,
  agentName,
  defaultLanguage,
  onSaved,
  onCancel,
}: {
  response: CannedResponse | null;
  agentName: string;
  defaultLanguage: Locale;
  onSaved: (response: CannedResponse) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const create = useCreateCannedResponse();
  const update = useUpdateCannedResponse();
  const mutation = response ? update : create;
  const [draft, setDraft] = useState<CannedDraft>(() =>
    response ? cannedDraftOf(response) : { name: '', shortcut: '', language: defaultLanguage, body: '' },
  );
  const { serverError, fieldErrors, validate } = useFormErrors(mutation);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!response) {
      const body = validate(CreateCannedResponseRequestSchema, draft);
      if (body) create.mutate(body, { onSuccess: onSaved });
      return;
    }
    const changes = cannedChanges(response, draft);
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    const body = validate(UpdateCannedResponseRequestSchema, changes);
    if (body) update.mutate({ id: response.id, changes: body }, { onSuccess: onSaved });
  }

  return (
    <form className="form canned-form" onSubmit={submit} noValidate>
      <SaveErrorAlert error={serverError} />
      <CannedFields
        value={draft}
        onChange={(changes) => setDraft((current) => ({ ...current, ...changes }))}
        errors={fieldErrors}
        agentName={agentName}
      />
      <FormActions
        submitLabel={response ? t('common.save') : t('care.canned.create')}
        pendingLabel={response ? t('common.saving') : t('care.creating')}
        pending={mutation.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
