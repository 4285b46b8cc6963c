import { SOURCE_KINDS, type SourceKind } from '@dengar/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../../../i18n/i18n-provider';
import { realtime } from '../../../lib/socket';
import { insightKeys } from '../api/insights-keys';
import {
  insightFiltersToParams,
  parseInsightFilters,
  presetOf,
  presetRange,
  RANGE_PRESETS,
  todayIn,
  type InsightFilters,
} from '../insight-filters';
import { CarePanel } from './care-panel';
import {
  AuthorsPanel,
  CampaignsPanel,
  HeatmapPanel,
  InfluencersPanel,
  PurchaseIntentPanel,
  SentimentPanel,
  ShareOfVoicePanel,
  TopicsPanel,
  TypesPanel,
  VolumePanel,
} from './insight-panels';
import './insights.css';

export interface BrandOption {
  id: string;
  name: string;
  kind: 'own' | 'competitor';
}

/** Refetch at most this often while mentions and ticket events stream in. */
const LIVE_REFRESH_MS = 4_000;

/**
 * The listening checklist (SPEC §8) for a brand, a date range and the workspace time zone; every chart drills
 * into the mentions behind it and exports as CSV.
 */
export function InsightsPage({
  brands,
  timezone,
  mentionsPath,
  setupPath,
}: {
  brands: BrandOption[];
  /** The workspace time zone: days of the range and the heatmap are its days and hours. */
  timezone: string;
  mentionsPath: string;
  setupPath?: string;
}) {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const today = todayIn(timezone);
  const filters = useMemo(() => parseInsightFilters(params, today), [params, today]);
  const preset = presetOf(filters, today);
  useLiveInsights();

  const set = (next: Partial<InsightFilters>) => {
    const merged: InsightFilters = { ...filters, ...next };
    if (next.sourceKind === undefined && 'sourceKind' in next) delete merged.sourceKind;
    setParams(insightFiltersToParams(merged), { replace: true });
  };

  const props = { filters, mentionsPath, setupPath, timezone };
  return (
    <div className="insights">
      <form className="insights__filters" aria-label={t('insightsPage.filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('insightsPage.brand')}
          <select value={filters.brandId} onChange={(e) => set({ brandId: e.target.value })}>
            <option value="all">{t('insightsPage.brandAll')}</option>
            <option value="own">{t('insightsPage.brandOwn')}</option>
            <option value="competitors">{t('insightsPage.brandCompetitors')}</option>
            {brands.map((brand) => (
              <option key={brand.id} value={brand.id}>
                {brand.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('insightsPage.range')}
          <select
            value={preset ?? 'custom'}
            onChange={(e) => {
              if (e.target.value !== 'custom') set(presetRange(Number(e.target.value), today));
            }}
          >
            {RANGE_PRESETS.map((days) => (
              <option key={days} value={days}>
                {t('insightsPage.lastDays', { days })}
              </option>
            ))}
            <option value="custom">{t('insightsPage.custom')}</option>
          </select>
        </label>
        <label>
          {t('insightsPage.from')}
          <input
            type="date"
            value={filters.from}
            max={filters.to}
            onChange={(e) => e.target.value && set({ from: e.target.value })}
          />
        </label>
        <label>
          {t('insightsPage.to')}
          <input
            type="date"
            value={filters.to}
            min={filters.from}
            onChange={(e) => e.target.value && set({ to: e.target.value })}
          />
        </label>
        <label>
          {t('insightsPage.source')}
          <select
            value={filters.sourceKind ?? ''}
            onChange={(e) =>
              set({
                sourceKind: (SOURCE_KINDS as readonly string[]).includes(e.target.value)
                  ? (e.target.value as SourceKind)
                  : undefined,
              })
            }
          >
            <option value="">{t('insightsPage.sourceAll')}</option>
            {SOURCE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`insightsPage.source.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <p className="muted">{t('insightsPage.timezone', { timezone })}</p>
      </form>
      <div className="insights__grid">
        <VolumePanel {...props} />
        <TypesPanel {...props} />
        <SentimentPanel {...props} />
        <TopicsPanel {...props} />
        <HeatmapPanel {...props} />
        <AuthorsPanel {...props} />
        <ShareOfVoicePanel {...props} />
        <InfluencersPanel {...props} />
        <CampaignsPanel {...props} />
        <PurchaseIntentPanel {...props} />
        <CarePanel {...props} />
      </div>
    </div>
  );
}

/** New mentions and ticket changes refresh the panels (throttled), so the page follows committed data. */
function useLiveInsights() {
  const queryClient = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      timer ??= setTimeout(() => {
        timer = null;
        void queryClient.invalidateQueries({ queryKey: insightKeys.all });
      }, LIVE_REFRESH_MS);
    };
    const offs = [
      realtime.on('mention.created', refresh),
      realtime.on('ticket.updated', refresh),
      realtime.on('ticket.created', refresh),
    ];
    return () => {
      for (const off of offs) off();
      if (timer) clearTimeout(timer);
    };
  }, [queryClient]);
}
