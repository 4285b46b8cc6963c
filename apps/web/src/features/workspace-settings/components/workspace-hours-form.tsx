import { UpdateSettingsRequestSchema, type Settings } from '@dengar/contracts';
import { useMemo, useState, type FormEvent } from 'react';
import { CheckboxField, FormActions, SaveErrorAlert, TextField } from '../../../components/form-fields';
import { useLocale, useT } from '../../../i18n/i18n-provider';
import { pushToast } from '../../../lib/toast-store';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useUpdateSettings } from '../api/update-settings';
import '../workspace-settings.css';
import { settingsChanges, workspaceDraftOf, type WorkspaceDraft } from '../workspace-draft';

const ISO_DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Weekday names in the person's language, Monday first (1 January 2024 was a Monday). */
function weekdayNames(locale: string): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  return ISO_DAYS.map((day) => format.format(new Date(Date.UTC(2024, 0, day))));
}

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/**
 * Business hours, the workspace time zone and the outcome-tag rule: admins change them; a manager sees them
 * disabled with the reason.
 */
export function WorkspaceHoursForm({ settings, canEdit }: { settings: Settings; canEdit: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const update = useUpdateSettings();
  const [draft, setDraft] = useState<WorkspaceDraft>(() => workspaceDraftOf(settings));
  const { serverError, fieldErrors, validate } = useFormErrors(update);
  const days = useMemo(() => weekdayNames(locale), [locale]);
  const zones = useMemo(() => timeZones(), []);
  const changes = settingsChanges(settings, draft);
  const dirty = Object.keys(changes).length > 0;
  const change = (next: Partial<WorkspaceDraft>) => setDraft((current) => ({ ...current, ...next }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!dirty) return;
    const body = validate(UpdateSettingsRequestSchema, changes);
    if (!body) return;
    update.mutate(body, {
      onSuccess: (saved) => {
        setDraft(workspaceDraftOf(saved));
        pushToast('success', t('care.sla.saved'));
      },
    });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      {!canEdit && <p className="muted">{t('care.sla.adminOnly')}</p>}
      <SaveErrorAlert error={serverError} />
      <fieldset className="hours-fieldset" disabled={!canEdit}>
        <TextField
          label={t('care.sla.timezone')}
          hint={t('care.sla.hint.timezone')}
          list="care-time-zones"
          autoComplete="off"
          value={draft.timezone}
          error={fieldErrors.timezone}
          onChange={(event) => change({ timezone: event.target.value })}
        />
        <datalist id="care-time-zones">
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <CheckboxField
          label={t('care.sla.useHours')}
          hint={t('care.sla.hint.hours')}
          checked={draft.hoursOn}
          error={fieldErrors.businessHours}
          onChange={(event) => change({ hoursOn: event.target.checked })}
        />
        {draft.hoursOn && (
          <>
            <fieldset
              className="choice-row"
              aria-describedby={fieldErrors['businessHours.days'] ? 'care-days-error' : undefined}
            >
              <legend className="field__label">{t('care.sla.days')}</legend>
              <div className="choice-row__options">
                {ISO_DAYS.map((day) => (
                  <label key={day} className="choice-row__option">
                    <input
                      type="checkbox"
                      checked={draft.days.includes(day)}
                      onChange={(event) =>
                        change({
                          days: event.target.checked
                            ? [...draft.days, day].sort((a, b) => a - b)
                            : draft.days.filter((d) => d !== day),
                        })
                      }
                    />
                    {days[day - 1]}
                  </label>
                ))}
              </div>
              {fieldErrors['businessHours.days'] && (
                <p id="care-days-error" className="field__error">
                  {fieldErrors['businessHours.days']}
                </p>
              )}
            </fieldset>
            <div className="form--row">
              <TextField
                label={t('care.sla.start')}
                type="time"
                value={draft.start}
                error={fieldErrors['businessHours.start']}
                onChange={(event) => change({ start: event.target.value })}
              />
              <TextField
                label={t('care.sla.end')}
                type="time"
                value={draft.end}
                error={fieldErrors['businessHours.end'] === undefined ? undefined : t('care.sla.endAfterStart')}
                onChange={(event) => change({ end: event.target.value })}
              />
            </div>
          </>
        )}
        <CheckboxField
          label={t('care.sla.requireOutcomeTag')}
          hint={t('care.sla.hint.requireOutcomeTag')}
          checked={draft.requireOutcomeTag}
          error={fieldErrors.requireOutcomeTag}
          onChange={(event) => change({ requireOutcomeTag: event.target.checked })}
        />
      </fieldset>
      {canEdit && (
        <FormActions
          submitLabel={t('care.sla.saveHours')}
          pendingLabel={t('common.saving')}
          pending={update.isPending}
          disabled={!dirty}
        />
      )}
    </form>
  );
}
