/** Query and body dates are ISO date-times or `YYYY-MM-DD` (a whole day, UTC until workspace time zones arrive). */
export const isDay = (v: string) => v.length === 10;

/** The instant a value starts: the date-time itself, or the start of the day. */
export const startOf = (v: string) => new Date(isDay(v) ? `${v}T00:00:00Z` : v);

/** The first instant after a value: a date-time itself, or the start of the next day (for `< end` filters). */
export const endOf = (v: string) => new Date(startOf(v).getTime() + (isDay(v) ? 86_400_000 : 0));
