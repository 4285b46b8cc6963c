/** A cell that starts like a formula (`= + - @`, or a tab/CR that some spreadsheets skip) is quoted with `'`. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell (RFC 4180): text is protected against formula injection; numbers stay numbers. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s: string;
  if (value instanceof Date) s = value.toISOString();
  else if (Array.isArray(value)) s = value.map(String).join(' ');
  else if (typeof value === 'string') s = value;
  else s = JSON.stringify(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
