import { linear, linePath } from '../../chart-scale';

/** A tiny trend line for a table row; decorative next to the numbers it summarises. */
export function Sparkline({ values, color = 'var(--primary)' }: { values: readonly number[]; color?: string }) {
  const w = 80;
  const h = 22;
  const max = Math.max(1, ...values);
  const x = linear(0, Math.max(1, values.length - 1), 1, w - 1);
  const y = linear(0, max, h - 2, 2);
  return (
    <svg className="sparkline" width={w} height={h} viewBox={`0 0 ${w} ${h}`} aria-hidden="true">
      <path d={linePath(values.map((v, i) => [x(i), y(v)] as const))} fill="none" stroke={color} strokeWidth={1.5} />
    </svg>
  );
}
