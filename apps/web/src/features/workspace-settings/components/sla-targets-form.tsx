import { TICKET_PRIORITIES, UpdateSettingsRequestSchema, type Settings, type TicketPriority } from '@dengar/contracts';
import { useState, type FormEvent } from 'react';
import { FormActions, SaveErrorAlert } from '../../../components/form-fields';
import { useT } from '../../../i18n/i18n-provider';
import { pushToast } from '../../../lib/toast-store';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useUpdateSettings } from '../api/update-settings';
import '../workspace-settings.css';
import { durationDraftOf, minutesOf, type DurationDraft, type DurationUnit } from '../duration';

type Targets = Record<TicketPriority, DurationDraft>;

function draftOf(settings: Settings): Targets {
  return {
    urgent: durationDraftOf(settings.slaTargets.urgent),
    high: durationDraftOf(settings.slaTargets.high),
    normal: durationDraftOf(settings.slaTargets.normal),
    low: durationDraftOf(settings.slaTargets.low),
  };
}

/** First-response targets per priority, each in minutes or hours. Managers and admins. */
export function SlaTargetsForm({ settings }: { settings: Settings }) {
  const t = useT();
  const update = useUpdateSettings();
  const [draft, setDraft] = useState<Targets>(() => draftOf(settings));
  const { serverError, fieldErrors, validate } = useFormErrors(update);
  const order = [...TICKET_PRIORITIES].reverse();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const slaTargets = Object.fromEntries(order.map((priority) => [priority, minutesOf(draft[priority])]));
    const body = validate(UpdateSettingsRequestSchema, { slaTargets });
    if (!body) return;
    update.mutate(body, {
      onSuccess: (saved) => {
        setDraft(draftOf(saved));
        pushToast('success', t('care.sla.saved'));
      },
    });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <SaveErrorAlert error={serverError} />
      <div className="sla-grid">
        {order.map((priority) => (
          <DurationField
            key={priority}
            label={t('care.sla.target', { priority: t(`care.priority.${priority}`) })}
            value={draft[priority]}
            error={fieldErrors[`slaTargets.${priority}`]}
            onChange={(value) => setDraft((current) => ({ ...current, [priority]: value }))}
          />
        ))}
      </div>
      <FormActions
        submitLabel={t('care.sla.saveTargets')}
        pendingLabel={t('common.saving')}
        pending={update.isPending}
      />
    </form>
  );
}

function DurationField({
  label,
  value,
  error,
  onChange,
}: {
  label: string;
  value: DurationDraft;
  error: string | undefined;
  onChange: (value: DurationDraft) => void;
}) {
  const t = useT();
  const id = `sla-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div className="field duration-field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <div className="duration-field__controls">
        <input
          id={id}
          className="field__input"
          inputMode="decimal"
          autoComplete="off"
          value={value.value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => onChange({ ...value, value: event.target.value })}
        />
        <select
          className="field__input"
          aria-label={t('care.sla.unitOf', { field: label })}
          value={value.unit}
          onChange={(event) => onChange({ ...value, unit: event.target.value as DurationUnit })}
        >
          <option value="minutes">{t('care.sla.minutes')}</option>
          <option value="hours">{t('care.sla.hours')}</option>
        </select>
      </div>
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
