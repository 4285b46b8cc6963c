import { useId } from 'react';

export interface Choice<T extends string> {
  value: T;
  label: string;
}

/** Several independent choices under one legend; the error (for the whole list) is tied to the group. */
export function CheckboxGroup<T extends string>({
  legend,
  choices,
  value,
  onChange,
  hint,
  error,
}: {
  legend: string;
  choices: readonly Choice<T>[];
  value: readonly T[];
  onChange: (value: T, checked: boolean) => void;
  hint?: string;
  error?: string | undefined;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="choice-group" aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend className="field__label">{legend}</legend>
      <div className="choice-group__options">
        {choices.map((choice) => (
          <label key={choice.value} className="choice-group__option">
            <input
              type="checkbox"
              checked={value.includes(choice.value)}
              onChange={(event) => onChange(choice.value, event.target.checked)}
            />
            {choice.label}
          </label>
        ))}
      </div>
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
    </fieldset>
  );
}
