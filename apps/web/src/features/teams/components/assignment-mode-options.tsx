import { ASSIGNMENT_MODES } from '@dengar/contracts';
import { useT } from '../../../i18n/i18n-provider';

export function AssignmentModeOptions() {
  const t = useT();
  return ASSIGNMENT_MODES.map((mode) => (
    <option key={mode} value={mode}>
      {t(`teams.mode.${mode}`)}
    </option>
  ));
}
