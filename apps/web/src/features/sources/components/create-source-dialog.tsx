import { CreateSourceRequestSchema, type Source, type SourceKind } from '@dengar/contracts';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/dialog';
import { FormActions, SaveErrorAlert } from '../../../components/form-fields';
import { useT } from '../../../i18n/i18n-provider';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useCreateSource, type CreatedSource } from '../api/create-source';
import { configRequest, isPolled, newConfigDraft, type ConfigDraft } from '../source-config';
import { SourceConfigFields } from './source-config-fields';
import { optionalNumber, PollIntervalField, SourceKindField, SourceNameField } from './source-fields';
import { WebhookSecretPanel } from './webhook-secret-panel';

interface SourceDraft {
  kind: SourceKind | '';
  name: string;
  config: ConfigDraft;
  pollIntervalSec: string;
}

/** "New source": pick a kind, fill in its settings; a webhook source then shows its secret, once. */
export function CreateSourceButton({ onCreated }: { onCreated?: (source: Source) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<CreatedSource | null>(null);

  function close() {
    setOpen(false);
    setCreated(null);
  }

  return (
    <>
      <button type="button" className="button button--primary" onClick={() => setOpen(true)}>
        {t('sources.new')}
      </button>
      <Dialog
        open={open}
        onClose={close}
        title={created ? t('sources.webhookReadyTitle', { name: created.name }) : t('sources.createTitle')}
      >
        {created?.webhookSecret ? (
          <WebhookSecretPanel webhookUrl={created.webhookUrl} secret={created.webhookSecret} onDone={close} />
        ) : (
          <CreateSourceForm
            onCancel={close}
            onCreated={(source) => {
              onCreated?.(source);
              if (source.webhookSecret) setCreated(source);
              else close();
            }}
          />
        )}
      </Dialog>
    </>
  );
}

function CreateSourceForm({
  onCreated,
  onCancel,
}: {
  onCreated: (source: CreatedSource) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const createSource = useCreateSource();
  const [draft, setDraft] = useState<SourceDraft>({ kind: '', name: '', config: {}, pollIntervalSec: '' });
  const [kindMissing, setKindMissing] = useState(false);
  const { serverError, fieldErrors, validate } = useFormErrors(createSource);
  const { kind } = draft;

  function chooseKind(next: SourceKind) {
    setKindMissing(false);
    createSource.reset();
    setDraft((current) => ({ ...current, kind: next, config: newConfigDraft(next) }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (kind === '') {
      setKindMissing(true);
      return;
    }
    const body = validate(CreateSourceRequestSchema, {
      kind,
      name: draft.name,
      config: configRequest(kind, draft.config),
      ...(isPolled(kind) ? { pollIntervalSec: optionalNumber(draft.pollIntervalSec) } : {}),
    });
    if (body) createSource.mutate(body, { onSuccess: onCreated });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <SaveErrorAlert error={serverError} />
      <SourceKindField
        value={kind}
        error={kindMissing ? t('validation.required') : fieldErrors.kind}
        onChange={chooseKind}
      />
      {kind !== '' && (
        <>
          <SourceNameField
            value={draft.name}
            error={fieldErrors.name}
            onChange={(name) => setDraft((current) => ({ ...current, name }))}
          />
          <SourceConfigFields
            kind={kind}
            value={draft.config}
            errors={fieldErrors}
            onChange={(changes) => setDraft((current) => ({ ...current, config: { ...current.config, ...changes } }))}
          />
          {isPolled(kind) && (
            <PollIntervalField
              value={draft.pollIntervalSec}
              errors={fieldErrors}
              onChange={(pollIntervalSec) => setDraft((current) => ({ ...current, pollIntervalSec }))}
            />
          )}
        </>
      )}
      <FormActions
        submitLabel={t('sources.create')}
        pendingLabel={t('sources.creating')}
        pending={createSource.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
