import type { CareMetrics } from '@dengar/contracts';
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

function CareTable({ caption, rows }: { caption: string; rows: (CareMetrics & { key: string; name: string })[] }) {
  const t = useT();
  const format = useInsightFormat();
  return (
    <div className="table-scroll">
      <table className="insight-table">
        <caption className="insight-table__caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('insightsPage.care.name')}</th>
            <th scope="col" className="num">
              {t('insightsPage.care.tickets')}
            </th>
            <th scope="col" className="num">
              {t('insightsPage.care.frtMedian')}
            </th>
            <th scope="col" className="num">
              {t('insightsPage.care.frtP90')}
            </th>
            <th scope="col" className="num">
              {t('insightsPage.care.frtBusiness')}
            </th>
            <th scope="col" className="num">
              {t('insightsPage.care.resolutionMedian')}
            </th>
            <th scope="col" className="num">
              {t('insightsPage.care.resolutionP90')}
            </th>
            <th scope="col" className="num">
              {t('insightsPage.care.resolutionBusiness')}
            </th>
            <th scope="col" className="num">
              {t('insightsPage.care.slaHitRate')}
            </th>
            <th scope="col" className="num">
              {t('insightsPage.care.reopened')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.name}</th>
              <td className="num">{format.number(row.tickets)}</td>
              <td className="num">{format.minutes(row.firstResponse.median)}</td>
              <td className="num">{format.minutes(row.firstResponse.p90)}</td>
              <td className="num">{format.minutes(row.firstResponse.medianBusiness)}</td>
              <td className="num">{format.minutes(row.resolution.median)}</td>
              <td className="num">{format.minutes(row.resolution.p90)}</td>
              <td className="num">{format.minutes(row.resolution.medianBusiness)}</td>
              <td className="num">{row.slaHitRate === null ? '—' : format.share(row.slaHitRate)}</td>
              <td className="num">{format.number(row.reopened)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
