import { MENTION_TYPES, type SourceKind } from '@dengar/contracts';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useT } from '../../../i18n/i18n-provider';
import { mentionsDrillDown, type InsightFilters } from '../insight-filters';
import { BarChart } from './charts/bar-chart';
import { Heatmap } from './charts/heatmap';
import { Sparkline } from './charts/sparkline';
import { StackedBar } from './charts/stacked-bar';
import { TimeSeriesChart, type Series } from './charts/time-series-chart';
import { useInsightFormat } from './insight-format';
import { InsightPanel } from './insight-panel';

export const SENTIMENT_COLORS = { positive: '#1b7f4b', neutral: '#8a94a6', negative: '#b42318' } as const;
const SOURCE_COLORS: Record<SourceKind, string> = {
  mastodon: '#6364ff',
  bluesky: '#1185fe',
  reddit: '#ff4500',
  x: '#17212f',
  rss: '#f26522',
  webhook: '#0f766e',
  demo: '#9a6700',
};
const TYPE_COLORS = ['#0f5e9c', '#b42318', '#1b7f4b', '#7c3aed', '#9a6700', '#8a94a6'];

export interface PanelProps {
  filters: InsightFilters;
  /** The Mentions view's path; drill-downs add their filters to it. */
  mentionsPath: string;
  setupPath?: string;
  timezone: string;
}

function useDrill(mentionsPath: string) {
  const navigate = useNavigate();
  return (params: URLSearchParams) => void navigate(`${mentionsPath}?${params.toString()}`);
}

export function VolumePanel({ filters, mentionsPath, setupPath, timezone }: PanelProps) {
  const t = useT();
  const format = useInsightFormat(timezone);
  const drill = useDrill(mentionsPath);
  return (
    <InsightPanel
      panel="volume"
      filters={filters}
      wide
      setupPath={setupPath}
      title={t('insightsPage.volume.title')}
      question={t('insightsPage.volume.question')}
      summaryLabel={t('insightsPage.volume.summary')}
    >
      {(data) => {
        const kinds = data.bySource.map((s) => s.sourceKind);
        const series: Series[] = kinds.map((kind) => ({
          name: kind in SOURCE_COLORS ? t(`insightsPage.source.${kind as SourceKind}`) : kind,
          color: SOURCE_COLORS[kind as SourceKind] ?? '#5a6678',
          values: data.series.map((point) => point.bySource[kind] ?? 0),
        }));
        const byLabel = new Map(data.series.map((point) => [point.label, point]));
        return (
          <TimeSeriesChart
            label={t('insightsPage.volume.chart')}
            buckets={data.series.map((point) => point.label)}
            bucketLabel={format.bucket}
            series={series}
            stacked
            formatValue={format.number}
            selectLabel={(label) =>
              t('insightsPage.drill.bucket', {
                bucket: format.bucket(label),
                count: format.number(byLabel.get(label)?.mentions ?? 0),
              })
            }
            onSelect={(label) => {
              const point = byLabel.get(label);
              if (point) drill(mentionsDrillDown(filters, point));
            }}
          />
        );
      }}
    </InsightPanel>
  );
}

export function TypesPanel({ filters, mentionsPath, setupPath, timezone }: PanelProps) {
  const t = useT();
  const format = useInsightFormat(timezone);
  const drill = useDrill(mentionsPath);
  return (
    <InsightPanel
      panel="types"
      filters={filters}
      setupPath={setupPath}
      title={t('insightsPage.types.title')}
      question={t('insightsPage.types.question')}
      summaryLabel={t('insightsPage.types.summary')}
    >
      {(data) => (
        <BarChart
          label={t('insightsPage.types.chart')}
          bars={data.items.map((item) => ({
            key: item.type,
            label: t(`insightsPage.type.${item.type}`),
            value: item.mentions,
            note: format.share(item.share),
            color: TYPE_COLORS[MENTION_TYPES.indexOf(item.type)] ?? '#0f5e9c',
          }))}
          formatValue={format.number}
          selectLabel={(bar) => t('insightsPage.drill.bar', { label: bar.label, count: format.number(bar.value) })}
          onSelect={(type) => drill(mentionsDrillDown(filters, data, { type }))}
        />
      )}
    </InsightPanel>
  );
}

export function SentimentPanel({ filters, mentionsPath, setupPath, timezone }: PanelProps) {
  const t = useT();
  const format = useInsightFormat(timezone);
  const drill = useDrill(mentionsPath);
  return (
    <InsightPanel
      panel="sentiment"
      filters={filters}
      setupPath={setupPath}
      title={t('insightsPage.sentiment.title')}
      question={t('insightsPage.sentiment.question')}
      summaryLabel={t('insightsPage.sentiment.summary')}
    >
      {(data) => {
        const byLabel = new Map(data.series.map((point) => [point.label, point]));
        return (
          <>
            <SentimentMix label={t('insightsPage.sentiment.mix')} {...pick(data.totals)} />
            <TimeSeriesChart
              label={t('insightsPage.sentiment.chart')}
              buckets={data.series.map((point) => point.label)}
              bucketLabel={format.bucket}
              formatValue={format.number}
              series={(['positive', 'neutral', 'negative'] as const).map((label) => ({
                name: t(`insightsPage.sentimentLabel.${label}`),
                color: SENTIMENT_COLORS[label],
                values: data.series.map((point) => point[label]),
              }))}
              selectLabel={(label) =>
                t('insightsPage.drill.negative', {
                  bucket: format.bucket(label),
                  count: format.number(byLabel.get(label)?.negative ?? 0),
                })
              }
              onSelect={(label) => {
                const point = byLabel.get(label);
                if (point) drill(mentionsDrillDown(filters, point, { sentiment: 'negative' }));
              }}
            />
          </>
        );
      }}
    </InsightPanel>
  );
}

export function HeatmapPanel({ filters, mentionsPath, setupPath, timezone }: PanelProps) {
  const t = useT();
  const format = useInsightFormat(timezone);
  const drill = useDrill(mentionsPath);
  return (
    <InsightPanel
      panel="heatmap"
      filters={filters}
      wide
      setupPath={setupPath}
      title={t('insightsPage.heatmap.title')}
      question={t('insightsPage.heatmap.question')}
      summaryLabel={t('insightsPage.heatmap.summary')}
    >
      {(data) => (
        <>
          <p className="muted">{t('insightsPage.heatmap.zone', { timezone: data.timezone })}</p>
          <Heatmap
            label={t('insightsPage.heatmap.chart')}
            cells={data.cells}
            weekdayLabel={format.weekday}
            cellLabel={(cell, day) =>
              t('insightsPage.heatmap.cell', {
                day,
                hour: String(cell.hour).padStart(2, '0'),
                count: format.number(cell.mentions),
                negative: format.number(cell.negative),
              })
            }
            onSelect={(cell) =>
              drill(mentionsDrillDown(filters, data, { weekday: String(cell.weekday), hour: String(cell.hour) }))
            }
          />
        </>
      )}
    </InsightPanel>
  );
}

export function AuthorsPanel({ filters, mentionsPath, setupPath, timezone }: PanelProps) {
  const t = useT();
  const format = useInsightFormat(timezone);
  void mentionsPath;
  return (
    <InsightPanel
      panel="authors"
      filters={filters}
      setupPath={setupPath}
      title={t('insightsPage.authors.title')}
      question={t('insightsPage.authors.question')}
      summaryLabel={t('insightsPage.authors.summary')}
    >
      {(data) => (
        <>
          <dl className="insight-summary">
            {(
              [
                ['insightsPage.authors.new', data.newAuthors],
                ['insightsPage.authors.returning', data.returningAuthors],
                ['insightsPage.authors.mentions', data.mentions],
                ['insightsPage.authors.engagement', data.engagement],
                ['insightsPage.authors.reach', data.reach],
              ] as const
            ).map(([key, value]) => (
              <div key={key}>
                <dt>{t(key)}</dt>
                <dd>{format.number(value)}</dd>
              </div>
            ))}
          </dl>
          <StackedBar
            label={t('insightsPage.authors.mix')}
            formatValue={format.number}
            segments={[
              { key: 'new', label: t('insightsPage.authors.new'), value: data.newAuthors, color: '#0f5e9c' },
              {
                key: 'returning',
                label: t('insightsPage.authors.returning'),
                value: data.returningAuthors,
                color: '#7c3aed',
              },
            ]}
          />
          {data.approximate && <p className="muted">{t('insightsPage.authors.approximate')}</p>}
        </>
      )}
    </InsightPanel>
  );
}

/** One column of a ranked table: its header and each item's cell (`numeric` right-aligns both). */
interface RankedColumn<T> {
  header: string;
  numeric?: boolean;
  cell: (item: T) => ReactNode;
}

/** A ranked list as a table: the first column is each row's header (the item's name, a drill-down link). */
function RankedTable<T>({
  items,
  rowKey,
  columns,
}: {
  items: T[];
  rowKey: (item: T) => string;
  columns: RankedColumn<T>[];
}) {
  const [first, ...rest] = columns;
  return (
    <table className="insight-table">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col" className={c.numeric ? 'num' : undefined}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={rowKey(item)}>
            <th scope="row">{first!.cell(item)}</th>
            {rest.map((c) => (
              <td key={c.header} className={c.numeric ? 'num' : undefined}>
                {c.cell(item)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function InfluencersPanel({ filters, mentionsPath, setupPath, timezone }: PanelProps) {
  const t = useT();
  const format = useInsightFormat(timezone);
  return (
    <InsightPanel
      panel="influencers"
      filters={filters}
      setupPath={setupPath}
      title={t('insightsPage.influencers.title')}
      question={t('insightsPage.influencers.question')}
      summaryLabel={t('insightsPage.influencers.summary')}
    >
      {(data) => (
        <RankedTable
          items={data.items}
          rowKey={(item) => item.authorId}
          columns={[
            {
              header: t('insightsPage.influencers.author'),
              cell: (item) => (
                <>
                  <Link
                    to={`${mentionsPath}?${mentionsDrillDown(filters, data, { authorId: item.authorId }).toString()}`}
                  >
                    {item.displayName ?? item.handle}
                  </Link>{' '}
                  <span className="muted">@{item.handle}</span>
                </>
              ),
            },
            {
              header: t('insightsPage.influencers.influence'),
              numeric: true,
              cell: (item) => format.number(item.influence),
            },
            {
              header: t('insightsPage.influencers.followers'),
              numeric: true,
              cell: (item) => format.number(item.followers),
            },
            {
              header: t('insightsPage.influencers.mentions'),
              numeric: true,
              cell: (item) => format.number(item.mentions),
            },
            { header: t('insightsPage.trend'), cell: (item) => <Sparkline values={item.trend} /> },
            {
              header: t('insightsPage.influencers.sentiment'),
              cell: (item) => (
                <SentimentMix
                  label={t('insightsPage.influencers.sentimentOf', { handle: item.handle })}
                  positive={item.positive}
                  neutral={Math.max(0, item.mentions - item.positive - item.negative)}
                  negative={item.negative}
                />
              ),
            },
          ]}
        />
      )}
    </InsightPanel>
  );
}

export function CampaignsPanel({ filters, mentionsPath, setupPath, timezone }: PanelProps) {
  const t = useT();
  const format = useInsightFormat(timezone);
  return (
    <InsightPanel
      panel="campaigns"
      filters={filters}
      setupPath={setupPath}
      title={t('insightsPage.campaigns.title')}
      question={t('insightsPage.campaigns.question')}
      summaryLabel={t('insightsPage.campaigns.summary')}
      isEmpty={(data) => data.items.length === 0}
    >
      {(data) => (
        <RankedTable
          items={data.items}
          rowKey={(item) => item.campaignId}
          columns={[
            {
              header: t('insightsPage.campaigns.campaign'),
              cell: (item) => (
                <Link
                  to={`${mentionsPath}?${mentionsDrillDown(filters, data, { campaignId: item.campaignId }).toString()}`}
                >
                  {item.name}
                </Link>
              ),
            },
            {
              header: t('insightsPage.campaigns.mentions'),
              numeric: true,
              cell: (item) => format.number(item.mentions),
            },
            { header: t('insightsPage.trend'), cell: (item) => <Sparkline values={item.trend} /> },
            { header: t('insightsPage.campaigns.reach'), numeric: true, cell: (item) => format.number(item.reach) },
            {
              header: t('insightsPage.campaigns.engagement'),
              numeric: true,
              cell: (item) => format.number(item.engagement),
            },
            {
              header: t('insightsPage.campaigns.sentiment'),
              cell: (item) => (
                <SentimentMix label={t('insightsPage.campaigns.sentimentOf', { name: item.name })} {...pick(item)} />
              ),
            },
          ]}
        />
      )}
    </InsightPanel>
  );
}

export function PurchaseIntentPanel({ filters, mentionsPath, setupPath, timezone }: PanelProps) {
  const t = useT();
  const format = useInsightFormat(timezone);
  const drill = useDrill(mentionsPath);
  return (
    <InsightPanel
      panel="purchase-intent"
      filters={filters}
      setupPath={setupPath}
      title={t('insightsPage.purchase.title')}
      question={t('insightsPage.purchase.question')}
      summaryLabel={t('insightsPage.purchase.summary')}
      isEmpty={(data) => data.purchaseIntent === 0 && data.competitorComplaints === 0}
    >
      {(data) => (
        <>
          <BarChart
            label={t('insightsPage.purchase.chart')}
            formatValue={format.number}
            bars={[
              { key: 'intent', label: t('insightsPage.purchase.intent'), value: data.purchaseIntent },
              {
                key: 'competitor',
                label: t('insightsPage.purchase.competitorComplaints'),
                value: data.competitorComplaints,
                color: '#b42318',
              },
            ]}
            selectLabel={(bar) => t('insightsPage.drill.bar', { label: bar.label, count: format.number(bar.value) })}
            onSelect={(key) =>
              drill(
                key === 'intent'
                  ? mentionsDrillDown(filters, data, { type: 'purchase_intent' })
                  : mentionsDrillDown({ ...filters, brandId: 'competitors' }, data, { type: 'complaint' }),
              )
            }
          />
          <TimeSeriesChart
            label={t('insightsPage.purchase.overTime')}
            buckets={data.series.map((point) => point.label)}
            bucketLabel={format.bucket}
            formatValue={format.number}
            series={[
              {
                name: t('insightsPage.purchase.intent'),
                color: '#0f5e9c',
                values: data.series.map((p) => p.purchaseIntent),
              },
              {
                name: t('insightsPage.purchase.competitorComplaints'),
                color: '#b42318',
                values: data.series.map((p) => p.competitorComplaints),
              },
            ]}
          />
        </>
      )}
    </InsightPanel>
  );
}

export function ShareOfVoicePanel({ filters, mentionsPath, setupPath, timezone }: PanelProps) {
  const t = useT();
  const format = useInsightFormat(timezone);
  return (
    <InsightPanel
      panel="share-of-voice"
      filters={filters}
      setupPath={setupPath}
      title={t('insightsPage.sov.title')}
      question={t('insightsPage.sov.question')}
      summaryLabel={t('insightsPage.sov.summary')}
      isEmpty={(data) => data.items.length === 0}
    >
      {(data) => (
        <>
          <StackedBar
            label={t('insightsPage.sov.ownVsCompetitors')}
            formatValue={format.number}
            segments={[
              { key: 'own', label: t('insightsPage.sov.own'), value: data.own.mentions, color: '#0f5e9c' },
              {
                key: 'competitors',
                label: t('insightsPage.sov.competitors'),
                value: data.competitors.mentions,
                color: '#9a6700',
              },
            ]}
          />
          <ul className="insights__brands">
            {data.items.map((item) => (
              <li key={item.brandId}>
                <Link
                  to={`${mentionsPath}?${mentionsDrillDown({ ...filters, brandId: item.brandId }, data).toString()}`}
                >
                  {item.name}
                </Link>{' '}
                <span className="muted">
                  {t(item.kind === 'own' ? 'insightsPage.sov.ownBrand' : 'insightsPage.sov.competitor')} ·{' '}
                  {format.share(item.share)}
                </span>
                <SentimentMix label={t('insightsPage.sov.sentimentOf', { name: item.name })} {...pick(item)} />
              </li>
            ))}
          </ul>
        </>
      )}
    </InsightPanel>
  );
}

export function TopicsPanel({ filters, mentionsPath, setupPath, timezone }: PanelProps) {
  const t = useT();
  const format = useInsightFormat(timezone);
  const drill = useDrill(mentionsPath);
  return (
    <InsightPanel
      panel="topics"
      filters={filters}
      setupPath={setupPath}
      title={t('insightsPage.topics.title')}
      question={t('insightsPage.topics.question')}
      summaryLabel={t('insightsPage.topics.summary')}
      isEmpty={(data) => data.items.length === 0}
    >
      {(data) => (
        <BarChart
          label={t('insightsPage.topics.chart')}
          formatValue={format.number}
          bars={data.items.map((item) => ({
            key: item.term,
            label: item.term,
            value: item.mentions,
            note: t('insightsPage.topics.note', {
              negative: format.share(item.mentions > 0 ? item.negative / item.mentions : 0),
            }),
            color: item.negative > item.positive ? SENTIMENT_COLORS.negative : SENTIMENT_COLORS.positive,
          }))}
          selectLabel={(bar) => t('insightsPage.drill.bar', { label: bar.label, count: format.number(bar.value) })}
          onSelect={(term) => drill(mentionsDrillDown(filters, data, { q: term.replace(/^#/, '') }))}
        />
      )}
    </InsightPanel>
  );
}

const pick = ({ positive, neutral, negative }: { positive: number; neutral: number; negative: number }) => ({
  positive,
  neutral,
  negative,
});

/** Positive, neutral and negative as one bar with the numbers beside it. */
function SentimentMix({
  label,
  positive,
  neutral,
  negative,
}: {
  label: string;
  positive: number;
  neutral: number;
  negative: number;
}) {
  const t = useT();
  const format = useInsightFormat();
  const values = { positive, neutral, negative };
  return (
    <StackedBar
      label={label}
      formatValue={format.number}
      segments={(['positive', 'neutral', 'negative'] as const).map((key) => ({
        key,
        label: t(`insightsPage.sentimentLabel.${key}`),
        value: values[key],
        color: SENTIMENT_COLORS[key],
      }))}
    />
  );
}
