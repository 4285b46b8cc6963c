import { MENTION_TYPES, SENTIMENT_LABELS, type MentionType, type SentimentLabel } from '@dengar/contracts';
import { useState, type FormEvent } from 'react';
import { SelectField, TextField } from '../../../components/form-fields';
import { useLocale, useT } from '../../../i18n/i18n-provider';
import { hasFilters, SEARCH_MAX, type MentionFilters } from '../mention-filters';
import { FILTER_LANGUAGES, languageName, type MentionLookups } from '../mention-lookups';

const orUndefined = <T extends string>(value: string): T | undefined => (value === '' ? undefined : (value as T));

/** Choices apply at once; the search text when submitted (Enter or the Search button). */
export function MentionFiltersForm({
  filters,
  lookups,
  onChange,
}: {
  filters: MentionFilters;
  lookups: MentionLookups;
  onChange: (filters: MentionFilters) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [q, setQ] = useState(filters.q ?? '');
  const set = (changes: Partial<MentionFilters>) => onChange({ ...filters, ...changes });

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    set({ q: orUndefined(q.trim()) });
  }

  return (
    <form className="mention-filters" role="search" aria-label={t('mentions.filters')} onSubmit={search}>
      <div className="mention-filters__search">
        <TextField
          label={t('mentions.filter.q')}
          type="search"
          value={q}
          maxLength={SEARCH_MAX}
          onChange={(event) => setQ(event.target.value)}
        />
        <button type="submit" className="button">
          {t('mentions.search')}
        </button>
      </div>
      <div className="mention-filters__choices">
        <SelectField
          label={t('mentions.filter.source')}
          value={filters.sourceId ?? ''}
          onChange={(event) => set({ sourceId: orUndefined(event.target.value) })}
        >
          <option value="">{t('mentions.filter.any')}</option>
          {lookups.sources.map((source) => (
            <option key={source.id} value={source.id}>
              {source.name} ({t(`sources.kind.${source.kind}`)})
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('mentions.filter.brand')}
          value={filters.brandId ?? ''}
          onChange={(event) => set({ brandId: orUndefined(event.target.value) })}
        >
          <option value="">{t('mentions.filter.any')}</option>
          {lookups.brands.map((brand) => (
            <option key={brand.id} value={brand.id}>
              {brand.name}
            </option>
          ))}
        </SelectField>
        {lookups.campaigns.length > 0 && (
          <SelectField
            label={t('mentions.filter.campaign')}
            value={filters.campaignId ?? ''}
            onChange={(event) => set({ campaignId: orUndefined(event.target.value) })}
          >
            <option value="">{t('mentions.filter.any')}</option>
            {lookups.campaigns.map((campaign) => (
              <option key={campaign.id} value={campaign.id}>
                {campaign.name}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField
          label={t('mentions.filter.type')}
          value={filters.type ?? ''}
          onChange={(event) => set({ type: orUndefined<MentionType>(event.target.value) })}
        >
          <option value="">{t('mentions.filter.any')}</option>
          {MENTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`mentions.type.${type}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('mentions.filter.sentiment')}
          value={filters.sentiment ?? ''}
          onChange={(event) => set({ sentiment: orUndefined<SentimentLabel>(event.target.value) })}
        >
          <option value="">{t('mentions.filter.any')}</option>
          {SENTIMENT_LABELS.map((label) => (
            <option key={label} value={label}>
              {t(`mentions.sentiment.${label}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('mentions.filter.language')}
          value={filters.language ?? ''}
          onChange={(event) => set({ language: orUndefined(event.target.value) })}
        >
          <option value="">{t('mentions.filter.any')}</option>
          {/* A language from a shared link that is not in the list stays selectable. */}
          {[...new Set([...FILTER_LANGUAGES, ...(filters.language ? [filters.language] : [])])].map((code) => (
            <option key={code} value={code}>
              {languageName(code, locale)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('mentions.filter.from')}
          type="date"
          value={filters.from ?? ''}
          max={filters.to}
          onChange={(event) => set({ from: orUndefined(event.target.value) })}
        />
        <TextField
          label={t('mentions.filter.to')}
          type="date"
          value={filters.to ?? ''}
          min={filters.from}
          onChange={(event) => set({ to: orUndefined(event.target.value) })}
        />
      </div>
      {hasFilters(filters) && (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setQ('');
            onChange({});
          }}
        >
          {t('mentions.clearFilters')}
        </button>
      )}
    </form>
  );
}
