import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import { useT } from '../i18n/i18n-provider';
import type { ApiError } from '../lib/api-client';
import { errorMessage } from '../lib/error-message';

interface FieldChrome {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
}

/** What a field's control needs so screen readers tie its hint and error to it. */
interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

function describedBy(...ids: (string | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined === '' ? undefined : joined;
}

function useFieldIds(id: string | undefined, { hint, error }: Omit<FieldChrome, 'label'>) {
  const autoId = useId();
  const controlId = id ?? autoId;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const control: ControlProps = {
    id: controlId,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(hintId, errorId),
  };
  return { control, hintId, errorId };
}

function FieldMessages({
  hint,
  error,
  hintId,
  errorId,
}: Omit<FieldChrome, 'label'> & { hintId: string | undefined; errorId: string | undefined }) {
  return (
    <>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </>
  );
}

/** The label above the control, the hint and error below it. */
function StackedField({
  label,
  error,
  hint,
  id,
  className,
  children,
}: FieldChrome & {
  id: string | undefined;
  className: string | undefined;
  children: (control: ControlProps) => ReactNode;
}) {
  const { control, hintId, errorId } = useFieldIds(id, { hint, error });
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={control.id} className="field__label">
        {label}
      </label>
      {children(control)}
      <FieldMessages hint={hint} error={error} hintId={hintId} errorId={errorId} />
    </div>
  );
}

/** A labelled input with its hint and error tied to it for screen readers. */
export function TextField({
  label,
  error,
  hint,
  id,
  className,
  ...input
}: FieldChrome & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <StackedField label={label} error={error} hint={hint} id={id} className={className}>
      {(control) => <input {...control} className="field__input" {...input} />}
    </StackedField>
  );
}

export function SelectField({
  label,
  error,
  hint,
  id,
  className,
  children,
  ...select
}: FieldChrome & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  return (
    <StackedField label={label} error={error} hint={hint} id={id} className={className}>
      {(control) => (
        <select {...control} className="field__input" {...select}>
          {children}
        </select>
      )}
    </StackedField>
  );
}

export function CheckboxField({
  label,
  error,
  hint,
  id,
  ...input
}: FieldChrome & InputHTMLAttributes<HTMLInputElement>) {
  const { control, hintId, errorId } = useFieldIds(id, { hint, error });
  return (
    <div className="field field--checkbox">
      <input {...control} type="checkbox" {...input} />
      <label htmlFor={control.id}>{label}</label>
      <FieldMessages hint={hint} error={error} hintId={hintId} errorId={errorId} />
    </div>
  );
}

/** A form-level problem, announced when it appears. */
export function FormAlert({ children }: { children: ReactNode }) {
  return (
    <div className="form-alert" role="alert">
      {children}
    </div>
  );
}

/** Why the last save failed: a pointer to the fields when the server named them, else what went wrong. */
export function SaveErrorAlert({ error }: { error: ApiError | null }) {
  const t = useT();
  if (!error) return null;
  return <FormAlert>{error.hasFieldErrors ? t('errors.formTitle') : errorMessage(error, t)}</FormAlert>;
}

/** The submit button, after Cancel when the form can be abandoned. */
export function FormActions({
  submitLabel,
  pendingLabel,
  pending,
  disabled = false,
  onCancel,
}: {
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  disabled?: boolean;
  onCancel?: () => void;
}) {
  const t = useT();
  return (
    <div className="form__actions">
      {onCancel && (
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
      <button type="submit" className="button button--primary" disabled={disabled || pending}>
        {pending ? pendingLabel : submitLabel}
      </button>
    </div>
  );
}
