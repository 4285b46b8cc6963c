import type { InsightPanel } from '@dengar/contracts';
import type { InsightFilters } from '../insight-filters';

export const insightKeys = {
  all: ['insights'] as const,
  panel: (panel: InsightPanel, filters: InsightFilters) => [...insightKeys.all, panel, filters] as const,
};
