import {
  MENTION_TYPES,
  SENTIMENT_LABELS,
  TICKET_PRIORITIES,
  TICKET_SORTS,
  TICKET_STATUSES,
  type MentionType,
  type SentimentLabel,
  type TicketPriority,
  type TicketSort,
  type TicketStatus,
} from '@dengar/contracts';
import { useState, type Ref } from 'react';
import { SelectField } from '../../../components/form-fields';
import { useT } from '../../../i18n/i18n-provider';
import { useBrands } from '../api/get-brands';
import { useSources } from '../api/get-sources';
import { useTags } from '../api/get-tags';
import { DEFAULT_FILTERS, hasActiveFilters, type QueueFilters } from '../queue-filters';

const pick = <T extends string>(list: readonly T[], value: string): T | undefined =>
  (list as readonly string[]).includes(value) ? (value as T) : undefined;

/** The queue's filters; each choice applies at once, the search on Enter. Saved per person by the caller. */
export function QueueFiltersForm({
  filters,
  onChange,
  searchRef,
}: {
  filters: QueueFilters;
  onChange: (next: QueueFilters) => void;
  searchRef: Ref<HTMLInputElement>;
}) {
  const t = useT();
  const sources = useSources().data?.items ?? [];
  const brands = useBrands().data?.items ?? [];
  const tags = useTags().data?.items ?? [];
  const [q, setQ] = useState(filters.q ?? '');
  const set = (patch: Partial<QueueFilters>) => onChange({ ...filters, ...patch });
  const any = <option value="">{t('queue.filter.any')}</option>;

  return (
    <section className="queue-filters" aria-labelledby="queue-filters-title">
      <h2 id="queue-filters-title" className="queue-filters__title">
        {t('queue.filters')}
      </h2>
      <form
        role="search"
        className="queue-filters__search"
        onSubmit={(event) => {
          event.preventDefault();
          set({ q: q.trim() === '' ? undefined : q.trim() });
        }}
      >
        <label htmlFor="queue-search" className="field__label">
          {t('queue.filter.search')}
        </label>
        <div className="queue-filters__search-row">
          <input
            ref={searchRef}
            id="queue-search"
            type="search"
            className="field__input"
            value={q}
            maxLength={200}
            aria-describedby="queue-search-hint"
            onChange={(event) => setQ(event.target.value)}
          />
          <button type="submit" className="button button--small">
            {t('queue.filter.searchButton')}
          </button>
        </div>
        <p id="queue-search-hint" className="field__hint">
          {t('queue.filter.searchHint')}
        </p>
      </form>
      <div className="queue-filters__fields">
        <SelectField
          label={t('queue.filter.status')}
          value={filters.status ?? ''}
          onChange={(e) => set({ status: pick<TicketStatus>(TICKET_STATUSES, e.target.value) })}
        >
          <option value="">{t('queue.filter.activeStatuses')}</option>
          {TICKET_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`queue.status.${status}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('queue.filter.priority')}
          value={filters.priority ?? ''}
          onChange={(e) => set({ priority: pick<TicketPriority>(TICKET_PRIORITIES, e.target.value) })}
        >
          {any}
          {[...TICKET_PRIORITIES].reverse().map((priority) => (
            <option key={priority} value={priority}>
              {t(`queue.priority.${priority}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('queue.filter.source')}
          value={filters.sourceId ?? ''}
          onChange={(e) => set({ sourceId: e.target.value || undefined })}
        >
          {any}
          {sources.map((source) => (
            <option key={source.id} value={source.id}>
              {`${source.name} (${t(`sources.kind.${source.kind}`)})`}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('queue.filter.sentiment')}
          value={filters.sentiment ?? ''}
          onChange={(e) => set({ sentiment: pick<SentimentLabel>(SENTIMENT_LABELS, e.target.value) })}
        >
          {any}
          {SENTIMENT_LABELS.map((label) => (
            <option key={label} value={label}>
              {t(`mentions.sentiment.${label}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('queue.filter.type')}
          hint={filters.type ? t('queue.filter.typeHint') : undefined}
          value={filters.type ?? ''}
          onChange={(e) => set({ type: pick<MentionType>(MENTION_TYPES, e.target.value) })}
        >
          {any}
          {MENTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`mentions.type.${type}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('queue.filter.tag')}
          value={filters.tag ?? ''}
          onChange={(e) => set({ tag: e.target.value || undefined })}
        >
          {any}
          {tags.map((tag) => (
            <option key={tag.id} value={tag.id}>
              {tag.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('queue.filter.brand')}
          value={filters.brandId ?? ''}
          onChange={(e) => set({ brandId: e.target.value || undefined })}
        >
          {any}
          {brands.map((brand) => (
            <option key={brand.id} value={brand.id}>
              {brand.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('queue.filter.sort')}
          value={filters.sort}
          onChange={(e) => set({ sort: pick<TicketSort>(TICKET_SORTS, e.target.value) ?? DEFAULT_FILTERS.sort })}
        >
          {TICKET_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`queue.sort.${sort}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {hasActiveFilters(filters) && (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setQ('');
            onChange({ sort: filters.sort });
          }}
        >
          {t('queue.filter.clear')}
        </button>
      )}
      <p className="field__hint">{t('queue.filter.saved')}</p>
    </section>
  );
}
