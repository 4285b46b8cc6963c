import { areaPath, linear, linePath, niceTicks, stack } from '../../chart-scale';

export interface Series {
  name: string;
  color: string;
  values: readonly number[];
}

const W = 640;
const H = 220;
const PAD = { top: 12, right: 12, bottom: 28, left: 44 };

/**
 * Lines (or stacked areas) over time buckets. Each bucket is a button-sized hit area for drill-down; the
 * numbers are also in a visually hidden table for screen readers.
 */
export function TimeSeriesChart({
  label,
  buckets,
  bucketLabel,
  series,
  stacked = false,
  formatValue,
  onSelect,
  selectLabel,
}: {
  label: string;
  buckets: readonly string[];
  bucketLabel: (bucket: string) => string;
  series: readonly Series[];
  stacked?: boolean;
  formatValue: (value: number) => string;
  onSelect?: (bucket: string) => void;
  selectLabel?: (bucket: string) => string;
}) {
  const stacks = stack(series.map((s) => s.values));
  const max = stacked
    ? Math.max(0, ...(stacks.at(-1)?.map(([, y1]) => y1) ?? [0]))
    : Math.max(0, ...series.flatMap((s) => s.values));
  const ticks = niceTicks(max);
  const top = ticks.at(-1) ?? 1;
  const x = linear(0, Math.max(1, buckets.length - 1), PAD.left, W - PAD.right);
  const y = linear(0, top, H - PAD.bottom, PAD.top);
  const xs = buckets.map((_, i) => x(i));
  const labelEvery = Math.max(1, Math.ceil(buckets.length / 8));
  const slot = buckets.length > 1 ? (W - PAD.left - PAD.right) / (buckets.length - 1) : W - PAD.left - PAD.right;

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} className="chart__svg">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(tick)} y2={y(tick)} className="chart__grid" />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" className="chart__tick">
              {formatValue(tick)}
            </text>
          </g>
        ))}
        {buckets.map((bucket, i) =>
          i % labelEvery === 0 ? (
            <text key={bucket} x={x(i)} y={H - 8} textAnchor="middle" className="chart__tick">
              {bucketLabel(bucket)}
            </text>
          ) : null,
        )}
        {series.map((s, si) => {
          const band = stacks[si] ?? [];
          return stacked ? (
            <path
              key={s.name}
              d={areaPath(
                xs,
                band.map(([, y1]) => y(y1)),
                band.map(([y0]) => y(y0)),
              )}
              fill={s.color}
              fillOpacity={0.75}
              stroke={s.color}
            />
          ) : (
            <path
              key={s.name}
              d={linePath(s.values.map((v, i) => [x(i), y(v)] as const))}
              fill="none"
              stroke={s.color}
              strokeWidth={2}
            />
          );
        })}
      </svg>
      {onSelect && (
        <div className="chart__hits" style={{ left: `${(PAD.left / W) * 100}%`, right: `${(PAD.right / W) * 100}%` }}>
          {buckets.map((bucket) => (
            <button
              key={bucket}
              type="button"
              className="chart__hit"
              style={{ width: `${(slot / (W - PAD.left - PAD.right)) * 100}%` }}
              aria-label={selectLabel?.(bucket) ?? bucketLabel(bucket)}
              onClick={() => onSelect(bucket)}
            />
          ))}
        </div>
      )}
      <figcaption className="chart__legend">
        {series.map((s) => (
          <span key={s.name} className="chart__key">
            <span className="chart__swatch" style={{ background: s.color }} aria-hidden="true" />
            {s.name}
          </span>
        ))}
      </figcaption>
      <table className="visually-hidden">
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col" />
            {series.map((s) => (
              <th key={s.name} scope="col">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {buckets.map((bucket, i) => (
            <tr key={bucket}>
              <th scope="row">{bucketLabel(bucket)}</th>
              {series.map((s) => (
                <td key={s.name}>{formatValue(s.values[i] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
