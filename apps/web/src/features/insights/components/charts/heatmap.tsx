import { intensity } from '../../chart-scale';

export interface HeatCell {
  weekday: number;
  hour: number;
  mentions: number;
  negative: number;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** Hour × weekday (ISO, Monday = 1) in the workspace time zone; every cell is a button that opens its mentions. */
export function Heatmap({
  label,
  cells,
  weekdayLabel,
  cellLabel,
  onSelect,
}: {
  label: string;
  cells: readonly HeatCell[];
  weekdayLabel: (weekday: number) => string;
  cellLabel: (cell: HeatCell, weekdayName: string) => string;
  onSelect?: (cell: HeatCell) => void;
}) {
  const byKey = new Map(cells.map((cell) => [`${cell.weekday}:${cell.hour}`, cell]));
  const max = Math.max(0, ...cells.map((cell) => cell.mentions));
  return (
    <table className="heatmap" aria-label={label}>
      <thead>
        <tr>
          <td />
          {HOURS.map((hour) => (
            <th key={hour} scope="col" className="heatmap__hour">
              {hour % 3 === 0 ? String(hour).padStart(2, '0') : <span className="visually-hidden">{hour}</span>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {WEEKDAYS.map((weekday) => {
          const name = weekdayLabel(weekday);
          return (
            <tr key={weekday}>
              <th scope="row" className="heatmap__day">
                {name}
              </th>
              {HOURS.map((hour) => {
                const cell = byKey.get(`${weekday}:${hour}`) ?? { weekday, hour, mentions: 0, negative: 0 };
                const level = intensity(cell.mentions, max);
                const style = { background: `rgb(15 94 156 / ${(0.06 + level * 0.94).toFixed(2)})` };
                return (
                  <td key={hour} className="heatmap__cell">
                    {onSelect && cell.mentions > 0 ? (
                      <button
                        type="button"
                        className="heatmap__button"
                        style={style}
                        aria-label={cellLabel(cell, name)}
                        onClick={() => onSelect(cell)}
                      />
                    ) : (
                      <span className="heatmap__button" style={style} title={cellLabel(cell, name)} />
                    )}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
