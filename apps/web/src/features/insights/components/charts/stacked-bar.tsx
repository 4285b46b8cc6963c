export interface Segment {
  key: string;
  label: string;
  value: number;
  color: string;
}

/** One horizontal bar split into segments (share of voice, sentiment mix), with the numbers as text. */
export function StackedBar({
  label,
  segments,
  formatValue,
}: {
  label: string;
  segments: readonly Segment[];
  formatValue: (value: number) => string;
}) {
  const total = segments.reduce((sum, s) => sum + s.value, 0);
  return (
    <div className="stacked-bar" role="group" aria-label={label}>
      <div className="stacked-bar__track" aria-hidden="true">
        {segments.map((s) =>
          s.value > 0 ? (
            <span
              key={s.key}
              className="stacked-bar__segment"
              style={{ width: `${(s.value / total) * 100}%`, background: s.color }}
            />
          ) : null,
        )}
      </div>
      <ul className="stacked-bar__legend">
        {segments.map((s) => (
          <li key={s.key}>
            <span className="chart__swatch" style={{ background: s.color }} aria-hidden="true" />
            {s.label}: {formatValue(s.value)}
          </li>
        ))}
      </ul>
    </div>
  );
}
