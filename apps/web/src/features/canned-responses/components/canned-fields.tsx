import { CANNED_VARIABLES, LOCALES, renderCanned, type CannedVariable, type Locale } from '@dengar/contracts';
import { useId, useRef } from 'react';
import { SelectField, TextField } from '../../../components/form-fields';
import { useT } from '../../../i18n/i18n-provider';
import type { FieldErrors } from '../../../lib/form-errors';
import { insertAt, placeholderOf, type CannedDraft } from '../canned-draft';

export function CannedFields({
  value,
  onChange,
  errors,
  agentName,
}: {
  value: CannedDraft;
  onChange: (changes: Partial<CannedDraft>) => void;
  errors: FieldErrors;
  /** Who is editing: their name fills `{{agent.name}}` in the preview. */
  agentName: string;
}) {
  const t = useT();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const bodyId = `${id}-body`;
  const bodyError = errors.body;
  const sample: Record<CannedVariable, string> = {
    'author.handle': t('care.canned.sample.handle'),
    'author.name': t('care.canned.sample.name'),
    'agent.name': agentName,
    'ticket.number': '1042',
    'brand.name': t('care.canned.sample.brand'),
  };

  function insert(variable: CannedVariable) {
    const area = bodyRef.current;
    const start = area?.selectionStart ?? value.body.length;
    const end = area?.selectionEnd ?? value.body.length;
    const next = insertAt(value.body, start, end, placeholderOf(variable));
    onChange({ body: next.body });
    // After React has written the new text, put the caret after the variable.
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(next.caret, next.caret);
    });
  }

  return (
    <>
      <TextField
        label={t('care.canned.field.name')}
        autoComplete="off"
        required
        value={value.name}
        error={errors.name}
        onChange={(event) => onChange({ name: event.target.value })}
      />
      <div className="form--row">
        <TextField
          label={t('care.canned.field.shortcut')}
          hint={t('care.canned.hint.shortcut')}
          autoComplete="off"
          spellCheck={false}
          required
          value={value.shortcut}
          error={errors.shortcut}
          onChange={(event) => onChange({ shortcut: event.target.value })}
        />
        <SelectField
          label={t('care.canned.field.language')}
          value={value.language}
          error={errors.language}
          onChange={(event) => onChange({ language: event.target.value as Locale })}
        >
          {LOCALES.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {t(`language.${locale}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="field">
        <label htmlFor={bodyId} className="field__label">
          {t('care.canned.field.body')}
        </label>
        <div className="variable-chips" role="group" aria-label={t('care.canned.variables')}>
          {CANNED_VARIABLES.map((variable) => (
            <button
              key={variable}
              type="button"
              className="variable-chip"
              aria-label={t('care.canned.insert', { variable: t(`care.canned.var.${variable}`) })}
              onClick={() => insert(variable)}
            >
              {placeholderOf(variable)}
            </button>
          ))}
        </div>
        <textarea
          id={bodyId}
          ref={bodyRef}
          className="field__input canned-body"
          rows={6}
          required
          value={value.body}
          aria-invalid={bodyError ? true : undefined}
          aria-describedby={`${bodyId}-hint${bodyError ? ` ${bodyId}-error` : ''}`}
          onChange={(event) => onChange({ body: event.target.value })}
        />
        <p id={`${bodyId}-hint`} className="field__hint">
          {t('care.canned.hint.body')}
        </p>
        {bodyError && (
          <p id={`${bodyId}-error`} className="field__error">
            {bodyError}
          </p>
        )}
      </div>
      <section className="canned-preview" aria-label={t('care.canned.preview')}>
        <p className="field__label">{t('care.canned.preview')}</p>
        <p className="canned-preview__text" lang={value.language}>
          {value.body.trim() === '' ? (
            <span className="muted">{t('care.canned.previewEmpty')}</span>
          ) : (
            renderCanned(value.body, sample)
          )}
        </p>
      </section>
    </>
  );
}
