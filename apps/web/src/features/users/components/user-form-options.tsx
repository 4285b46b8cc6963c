import { LOCALES, ROLES } from '@dengar/contracts';
import { useT } from '../../../i18n/i18n-provider';

export function RoleOptions() {
  const t = useT();
  return ROLES.map((role) => (
    <option key={role} value={role}>
      {t(`role.${role}`)}
    </option>
  ));
}

export function LocaleOptions() {
  const t = useT();
  return LOCALES.map((locale) => (
    <option key={locale} value={locale} lang={locale}>
      {t(`language.${locale}`)}
    </option>
  ));
}
