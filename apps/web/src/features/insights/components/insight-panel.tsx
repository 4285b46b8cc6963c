import type { InsightPanel as PanelName, InsightSummary } from '@dengar/contracts';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PaneError } from '../../../components/error-boundary';
import { Loading } from '../../../components/loading';
import { useLocale, useT } from '../../../i18n/i18n-provider';
import { insightExportUrl, useInsight, type InsightOf } from '../api/get-insight';
import type { InsightFilters } from '../insight-filters';
import { useInsightFormat } from './insight-format';

/**
 * One SPEC §8 question: its chart, a number with the change against the previous period, CSV exports, and an
 * empty state that says what to connect.
 */
export function InsightPanel<P extends PanelName>({
  panel,
  filters,
  title,
  question,
  summaryLabel,
  wide = false,
  isEmpty,
  setupPath,
  children,
}: {
  panel: P;
  filters: InsightFilters;
  title: string;
  question: string;
  summaryLabel: string;
  wide?: boolean;
  isEmpty?: (data: InsightOf<P>) => boolean;
  /** Where to connect a source (admins), for the empty state. */
  setupPath?: string;
  children: (data: InsightOf<P>) => ReactNode;
}) {
  const t = useT();
  const query = useInsight(panel, filters);
  const headingId = `insight-${panel}`;
  const data = query.data;
  const empty = data ? (isEmpty ? isEmpty(data) : data.summary.value === 0 && data.summary.previous === 0) : false;
  return (
    <section className={`insight-panel${wide ? ' insight-panel--wide' : ''}`} aria-labelledby={headingId}>
      <div className="insight-panel__head">
        <h2 id={headingId}>{title}</h2>
        <div className="insight-panel__exports">
          <a href={insightExportUrl(panel, filters, 'table')} download>
            {t('insightsPage.exportTable')}
            <span className="visually-hidden"> {title}</span>
          </a>
          <a href={insightExportUrl(panel, filters, 'raw')} download>
            {t('insightsPage.exportRows')}
            <span className="visually-hidden"> {title}</span>
          </a>
        </div>
      </div>
      <p className="insight-panel__question">{question}</p>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <PaneError error={query.error} onRetry={() => void query.refetch()} />
      ) : data && empty ? (
        <div className="empty-state">
          <p className="empty-state__title">{t('insightsPage.empty.title')}</p>
          <p className="empty-state__body">
            {panel === 'care' ? t('insightsPage.empty.care') : t('insightsPage.empty.mentions')}{' '}
            {setupPath && <Link to={setupPath}>{t('insightsPage.empty.connect')}</Link>}
          </p>
        </div>
      ) : data ? (
        <>
          <Summary label={summaryLabel} summary={data.summary} />
          {children(data)}
        </>
      ) : null}
    </section>
  );
}

function Summary({ label, summary }: { label: string; summary: InsightSummary }) {
  const t = useT();
  const { locale } = useLocale();
  const { number } = useInsightFormat();
  const pct = summary.changePercent;
  const direction = summary.change > 0 ? 'up' : summary.change < 0 ? 'down' : 'flat';
  const percent =
    pct === null
      ? t('insightsPage.changeNew')
      : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(
          pct / 100,
        );
  return (
    <dl className="insight-summary">
      <div>
        <dt>{label}</dt>
        <dd>
          {number(summary.value)}
          <span className={`insight-change insight-change--${direction}`}>
            {percent}{' '}
            <span className="muted">{t('insightsPage.vsPrevious', { previous: number(summary.previous) })}</span>
          </span>
        </dd>
      </div>
    </dl>
  );
}
