import type { CareMetrics } from '@dengar/contracts';
import type { MessageKey } from '../../../i18n/dictionaries';
import { useT } from '../../../i18n/i18n-provider';
import { BarChart } from './charts/bar-chart';
import { useInsightFormat } from './insight-format';
import { InsightPanel } from './insight-panel';
import type { PanelProps } from './insight-panels';

/** How well we serve: first response and resolution (median, p90; calendar and business hours), SLA, outcomes. */
export function CarePanel({ filters, setupPath, timezone }: PanelProps) {
  const t = useT();
  const format = useInsightFormat(timezone);
  return (
    <InsightPanel
      panel="care"
      filters={filters}
      wide
      setupPath={setupPath}
      title={t('insightsPage.care.title')}
      question={t('insightsPage.care.question')}
      summaryLabel={t('insightsPage.care.summary')}
      isEmpty={(data) => data.totals.tickets === 0}
    >
      {(data) => (
        <>
          <dl className="insight-summary">
            <div>
              <dt>{t('insightsPage.care.frtMedian')}</dt>
              <dd>{format.minutes(data.totals.firstResponse.median)}</dd>
            </div>
            <div>
              <dt>{t('insightsPage.care.frtP90')}</dt>
              <dd>{format.minutes(data.totals.firstResponse.p90)}</dd>
            </div>
            <div>
              <dt>{t('insightsPage.care.resolutionMedian')}</dt>
              <dd>{format.minutes(data.totals.resolution.median)}</dd>
            </div>
            <div>
              <dt>{t('insightsPage.care.slaHitRate')}</dt>
              <dd>{data.totals.slaHitRate === null ? '—' : format.share(data.totals.slaHitRate)}</dd>
            </div>
            <div>
              <dt>{t('insightsPage.care.reopened')}</dt>
              <dd>{format.number(data.totals.reopened)}</dd>
            </div>
          </dl>
          <CareTable caption={t('insightsPage.care.byTeam')} rows={data.teams.map((r) => ({ ...r, key: r.teamId }))} />
          {data.agents && (
            <CareTable
              caption={t('insightsPage.care.byAgent')}
              rows={data.agents.map((r) => ({ ...r, key: r.userId }))}
            />
          )}
          {data.outcomes.length > 0 && (
            <>
              <h3 className="insight-subtitle">{t('insightsPage.care.outcomes')}</h3>
              <BarChart
                label={t('insightsPage.care.outcomes')}
                formatValue={format.number}
                bars={data.outcomes.map((o) => ({ key: o.tagId, label: o.name, value: o.tickets, color: '#7c3aed' }))}
              />
            </>
          )}
        </>
      )}
    </InsightPanel>
  );
}

type CareRow = CareMetrics & { key: string; name: string };

/** The care table's number columns: heading key and how a row shows it. */
const CARE_COLUMNS: [MessageKey, (row: CareRow, format: ReturnType<typeof useInsightFormat>) => string][] = [
  ['insightsPage.care.tickets', (row, f) => f.number(row.tickets)],
  ['insightsPage.care.frtMedian', (row, f) => f.minutes(row.firstResponse.median)],
  ['insightsPage.care.frtP90', (row, f) => f.minutes(row.firstResponse.p90)],
  ['insightsPage.care.frtBusiness', (row, f) => f.minutes(row.firstResponse.medianBusiness)],
  ['insightsPage.care.resolutionMedian', (row, f) => f.minutes(row.resolution.median)],
  ['insightsPage.care.resolutionP90', (row, f) => f.minutes(row.resolution.p90)],
  ['insightsPage.care.resolutionBusiness', (row, f) => f.minutes(row.resolution.medianBusiness)],
  ['insightsPage.care.slaHitRate', (row, f) => (row.slaHitRate === null ? '—' : f.share(row.slaHitRate))],
  ['insightsPage.care.reopened', (row, f) => f.number(row.reopened)],
];

function CareTable({ caption, rows }: { caption: string; rows: CareRow[] }) {
  const t = useT();
  const format = useInsightFormat();
  return (
    <div className="table-scroll">
      <table className="insight-table">
        <caption className="insight-table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('insightsPage.care.name')}</th>
            {CARE_COLUMNS.map(([key]) => (
              <th key={key} scope="col" className="num">
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.name}</th>
              {CARE_COLUMNS.map(([key, show]) => (
                <td key={key} className="num">
                  {show(row, format)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
