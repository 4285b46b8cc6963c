import { AVAILABILITIES, type Availability } from '@dengar/contracts';
import { useId } from 'react';
import { useT } from '../../../i18n/i18n-provider';
import './availability.css';

/** What a person may choose; `offline` is set by the system when they are gone, and shown, not chosen. */
const CHOOSABLE: readonly Availability[] = ['online', 'away'];

const isAvailability = (value: string): value is Availability => (AVAILABILITIES as readonly string[]).includes(value);

/** The header's availability switch: a labelled select, so every screen reader and keyboard knows it. */
export function AvailabilitySelect({
  value,
  onChange,
  pending,
}: {
  value: Availability;
  onChange: (next: Availability) => void;
  pending?: boolean;
}) {
  const t = useT();
  const id = useId();
  return (
    <div className={`availability availability--${value}`}>
      <label htmlFor={id} className="availability__label">
        {t('header.availability.label')}
      </label>
      <span className={`presence presence--${value}`} aria-hidden="true" />
      <select
        id={id}
        value={value}
        aria-busy={pending || undefined}
        onChange={(event) => {
          const next = event.target.value;
          if (isAvailability(next) && next !== value) onChange(next);
        }}
      >
        {CHOOSABLE.map((option) => (
          <option key={option} value={option}>
            {t(`availability.${option}`)}
          </option>
        ))}
        {value === 'offline' && (
          <option value="offline" disabled>
            {t('availability.offline')}
          </option>
        )}
      </select>
    </div>
  );
}
