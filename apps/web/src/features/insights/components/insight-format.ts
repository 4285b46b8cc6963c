import { useMemo } from 'react';
import { useLocale, useT } from '../../../i18n/i18n-provider';

/** Numbers, shares, durations and bucket labels in the user's language and the workspace time zone. */
export function useInsightFormat(timezone = 'UTC') {
  const { locale } = useLocale();
  const t = useT();
  return useMemo(() => {
    const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const day = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short' });
    const hour = new Intl.DateTimeFormat(locale, { timeZone: timezone, hour: '2-digit', minute: '2-digit' });
    const weekday = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short' });
    return {
      number: (n: number) => (Number.isInteger(n) ? integer.format(n) : decimal.format(n)),
      share: (fraction: number) => percent.format(fraction),
      /** Minutes as "2 h 05 min" / "3 d 4 h"; an em dash without data. */
      minutes: (value: number | null) => {
        if (value === null) return '—';
        const total = Math.round(value);
        if (total < 60) return t('insightsPage.duration.minutes', { m: total });
        if (total < 48 * 60) {
          return t('insightsPage.duration.hours', {
            h: Math.floor(total / 60),
            m: String(total % 60).padStart(2, '0'),
          });
        }
        return t('insightsPage.duration.days', { d: Math.floor(total / 1440), h: Math.floor((total % 1440) / 60) });
      },
      /** A bucket's label: a local day (`YYYY-MM-DD`) or an instant shown as a local time. */
      bucket: (label: string) =>
        /^\d{4}-\d{2}-\d{2}$/.test(label) ? day.format(new Date(`${label}T00:00:00Z`)) : hour.format(new Date(label)),
      /** ISO weekday (Monday = 1) by name: 2024-01-01 was a Monday. */
      weekday: (isoWeekday: number) => weekday.format(new Date(Date.UTC(2024, 0, isoWeekday))),
    };
  }, [locale, t, timezone]);
}
