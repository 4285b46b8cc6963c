import { useId, useRef, useState } from 'react';
import { useT } from '../i18n/i18n-provider';
import './copy-field.css';

/** A read-only value with a Copy button (a URL, a secret shown once); the text stays selectable either way. */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const t = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // No clipboard access (an insecure origin, a denied permission): select it for Ctrl+C instead.
      input.current?.select();
    }
  }

  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <div className="copy-field">
        <input
          ref={input}
          id={id}
          className="field__input copy-field__input"
          readOnly
          spellCheck={false}
          value={value}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onFocus={(event) => event.target.select()}
        />
        <button
          type="button"
          className="button"
          aria-label={t('copy.copyLabel', { label })}
          onClick={() => void copy()}
        >
          {copied ? t('copy.copied') : t('copy.copy')}
        </button>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}
