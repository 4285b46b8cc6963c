import { LOCALES, type Locale } from '@dengar/contracts';
import { useId } from 'react';
import { isLocale } from '../i18n/dictionaries';
import { useT } from '../i18n/i18n-provider';

/** The interface language; each language is named in itself so anyone can find theirs. */
export function LanguageSelect({
  value,
  onChange,
  disabled,
}: {
  value: Locale;
  onChange: (locale: Locale) => void;
  disabled?: boolean;
}) {
  const t = useT();
  const id = useId();
  return (
    <div className="language-select">
      <label htmlFor={id} className="language-select__label">
        {t('language.label')}
      </label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(event) => {
          if (isLocale(event.target.value)) onChange(event.target.value);
        }}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(`language.${locale}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
