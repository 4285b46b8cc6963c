export type DurationUnit = 'minutes' | 'hours';

export interface DurationDraft {
  /** As typed. */
  value: string;
  unit: DurationUnit;
}

/** A number of minutes in the unit a person would use: whole hours as hours, anything else as minutes. */
export function durationDraftOf(minutes: number): DurationDraft {
  return minutes >= 60 && minutes % 60 === 0
    ? { value: String(minutes / 60), unit: 'hours' }
    : { value: String(minutes), unit: 'minutes' };
}

/**
 * Minutes for what was typed. Hours may have a fraction that lands on a whole minute (1.5 h = 90 min); text
 * that is no such number is handed back as is, so the schema check reports it next to the field.
 */
export function minutesOf({ value, unit }: DurationDraft): number | string {
  const trimmed = value.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return value;
  const minutes = unit === 'hours' ? Number(trimmed) * 60 : Number(trimmed);
  return Number.isInteger(minutes) ? minutes : value;
}
