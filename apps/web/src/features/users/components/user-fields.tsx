import { LOCALES, ROLES, type Locale, type Role } from '@dengar/contracts';
import { SelectField } from '../../../components/form-fields';
import { useT } from '../../../i18n/i18n-provider';

export function RoleField({
  value,
  error,
  onChange,
}: {
  value: Role;
  error: string | undefined;
  onChange: (role: Role) => void;
}) {
  const t = useT();
  return (
    <SelectField
      label={t('users.field.role')}
      value={value}
      error={error}
      onChange={(event) => onChange(event.target.value as Role)}
    >
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {t(`role.${role}`)}
        </option>
      ))}
    </SelectField>
  );
}

export function LocaleField({
  value,
  error,
  onChange,
}: {
  value: Locale;
  error: string | undefined;
  onChange: (locale: Locale) => void;
}) {
  const t = useT();
  return (
    <SelectField
      label={t('users.field.locale')}
      value={value}
      error={error}
      onChange={(event) => onChange(event.target.value as Locale)}
    >
      {LOCALES.map((locale) => (
        <option key={locale} value={locale} lang={locale}>
          {t(`language.${locale}`)}
        </option>
      ))}
    </SelectField>
  );
}
