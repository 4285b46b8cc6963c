import { UpdateSourceRequestSchema, type Source } from '@dengar/contracts';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/dialog';
import { FormActions, SaveErrorAlert } from '../../../components/form-fields';
import { useT } from '../../../i18n/i18n-provider';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useUpdateSource } from '../api/update-source';
import { configChanges, configDraftOf, isPolled, type ConfigDraft } from '../source-config';
import { SourceConfigFields } from './source-config-fields';
import { optionalNumber, PollIntervalField, SourceNameField } from './source-fields';

export function EditSourceDialog({
  source,
  onClose,
  onSaved,
}: {
  source: Source | null;
  onClose: () => void;
  onSaved?: (source: Source) => void;
}) {
  const t = useT();
  return (
    <Dialog open={source != null} onClose={onClose} title={source ? t('sources.editTitle', { name: source.name }) : ''}>
      {source && (
        <EditSourceForm
          key={source.id}
          source={source}
          onCancel={onClose}
          onSaved={(saved) => {
            onClose();
            onSaved?.(saved);
          }}
        />
      )}
    </Dialog>
  );
}

function EditSourceForm({
  source,
  onSaved,
  onCancel,
}: {
  source: Source;
  onSaved: (source: Source) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const updateSource = useUpdateSource();
  const [name, setName] = useState(source.name);
  const [pollIntervalSec, setPollIntervalSec] = useState(String(source.pollIntervalSec));
  const [config, setConfig] = useState<ConfigDraft>(() => configDraftOf(source));
  const { serverError, fieldErrors, validate } = useFormErrors(updateSource);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const changes: Record<string, unknown> = {};
    if (name.trim() !== source.name) changes.name = name;
    const interval = optionalNumber(pollIntervalSec);
    if (isPolled(source.kind) && interval !== source.pollIntervalSec) changes.pollIntervalSec = interval ?? Number.NaN;
    const configChanged = configChanges(source, config);
    if (Object.keys(configChanged).length > 0) changes.config = configChanged;
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    const body = validate(UpdateSourceRequestSchema, changes);
    if (body) updateSource.mutate({ id: source.id, changes: body }, { onSuccess: onSaved });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <SaveErrorAlert error={serverError} />
      <dl className="summary">
        <dt>{t('sources.field.kind')}</dt>
        <dd>{t(`sources.kind.${source.kind}`)}</dd>
      </dl>
      <SourceNameField value={name} error={fieldErrors.name} onChange={setName} />
      <SourceConfigFields
        kind={source.kind}
        value={config}
        errors={fieldErrors}
        secretsSet={source.secretsSet}
        onChange={(changes) => setConfig((current) => ({ ...current, ...changes }))}
      />
      {isPolled(source.kind) && (
        <PollIntervalField value={pollIntervalSec} errors={fieldErrors} onChange={setPollIntervalSec} />
      )}
      <p className="muted">{t('sources.editNote')}</p>
      <FormActions
        submitLabel={t('common.save')}
        pendingLabel={t('common.saving')}
        pending={updateSource.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
