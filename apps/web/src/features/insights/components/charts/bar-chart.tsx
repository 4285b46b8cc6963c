import { intensity } from '../../chart-scale';

export interface Bar {
  key: string;
  label: string;
  value: number;
  color?: string;
  /** Shown after the value (e.g. "12% negative"). */
  note?: string;
}

/** Horizontal bars, largest first as given; each bar is a button when it can be drilled into. */
export function BarChart({
  label,
  bars,
  formatValue,
  onSelect,
  selectLabel,
}: {
  label: string;
  bars: readonly Bar[];
  formatValue: (value: number) => string;
  onSelect?: (key: string) => void;
  selectLabel?: (bar: Bar) => string;
}) {
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  return (
    <ul className="bar-chart" aria-label={label}>
      {bars.map((bar) => {
        const content = (
          <>
            <span className="bar-chart__label">{bar.label}</span>
            <span className="bar-chart__track" aria-hidden="true">
              <span
                className="bar-chart__bar"
                style={{ width: `${intensity(bar.value, max) * 100}%`, background: bar.color ?? 'var(--primary)' }}
              />
            </span>
            <span className="bar-chart__value">
              {formatValue(bar.value)}
              {bar.note && <span className="muted"> · {bar.note}</span>}
            </span>
          </>
        );
        return (
          <li key={bar.key}>
            {onSelect ? (
              <button
                type="button"
                className="bar-chart__row"
                onClick={() => onSelect(bar.key)}
                aria-label={selectLabel?.(bar)}
              >
                {content}
              </button>
            ) : (
              <div className="bar-chart__row">{content}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
