import { useId, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useT } from '../i18n/i18n-provider';
import type { FieldErrors } from '../lib/form-errors';
import './term-list-field.css';

/** Splits typed or pasted text into terms: commas and line breaks separate them. */
export function splitTerms(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((term) => term.trim())
    .filter((term) => term !== '');
}

/** Adds terms to a list, skipping ones already there (case-insensitively, as the API de-duplicates them). */
export function addTerms(list: readonly string[], terms: readonly string[]): string[] {
  const seen = new Set(list.map((term) => term.toLowerCase()));
  const out = [...list];
  for (const term of terms) {
    if (seen.has(term.toLowerCase())) continue;
    seen.add(term.toLowerCase());
    out.push(term);
  }
  return out;
}

/** The first problem with a list or any of its items (`keywords` or `keywords.3`). */
export function termListError(errors: FieldErrors, key: string): string | undefined {
  if (errors[key] !== undefined) return errors[key];
  const item = Object.keys(errors).find((path) => path.startsWith(`${key}.`));
  return item === undefined ? undefined : errors[item];
}

/**
 * A list of short terms (keywords, handles, hashtags): type one and press Enter or a comma, or paste several.
 * What is still typed when the field loses focus is added too, so a form submitted straight away keeps it.
 */
export function TermListField({
  label,
  value,
  onChange,
  hint,
  error,
  prefix,
}: {
  label: string;
  value: readonly string[];
  onChange: (terms: string[]) => void;
  hint?: string;
  error?: string | undefined;
  /** Shown before each term (`@`, `#`); the stored term has none. */
  prefix?: string;
}) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;

  function commit(raw: string) {
    const terms = splitTerms(raw);
    if (terms.length > 0) onChange(addTerms(value, terms));
    setText('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      // Enter adds the term instead of submitting the form.
      event.preventDefault();
      commit(text);
    } else if (event.key === 'Backspace' && text === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  }

  function onPaste(event: ClipboardEvent<HTMLInputElement>) {
    const pasted = event.clipboardData.getData('text');
    if (!/[,\n]/.test(pasted)) return;
    event.preventDefault();
    commit(`${text},${pasted}`);
  }

  return (
    <div className="field term-list">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <div className={`term-list__box${error ? ' term-list__box--invalid' : ''}`}>
        {value.length > 0 && (
          <ul className="term-list__terms" aria-label={label}>
            {value.map((term) => (
              <li key={term} className="term-list__term">
                <span>
                  {prefix}
                  {term}
                </span>
                <button
                  type="button"
                  className="term-list__remove"
                  aria-label={t('terms.remove', { term })}
                  onClick={() => onChange(value.filter((other) => other !== term))}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          id={id}
          className="term-list__input"
          autoComplete="off"
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          placeholder={value.length === 0 ? t('terms.placeholder') : undefined}
          onChange={(event) => {
            const typed = event.target.value;
            if (typed.includes(',')) commit(typed);
            else setText(typed);
          }}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={() => commit(text)}
        />
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
    </div>
  );
}

/** A read-only list of terms, for tables. */
export function TermList({ terms, prefix, empty }: { terms: readonly string[]; prefix?: string; empty: string }) {
  if (terms.length === 0) return <span className="muted">{empty}</span>;
  return (
    <ul className="term-list__terms">
      {terms.map((term) => (
        <li key={term} className="term-list__term">
          {prefix}
          {term}
        </li>
      ))}
    </ul>
  );
}
