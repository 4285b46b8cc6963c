import { useDeferredValue, useMemo } from 'react';
import { Pane } from '../../../components/error-boundary';
import { hasFilters, mentionFiltersToParams, parseMentionFilters, type MentionFilters } from '../mention-filters';
import type { MentionLookups } from '../mention-lookups';
import { MentionFiltersForm } from './mention-filters-form';
import { MentionList } from './mention-list';
import './mentions.css';

/** The listening stream (or its Spam view): filters above, newest mentions below, live. */
export function MentionsStream({
  spam,
  filters,
  onFiltersChange,
  lookups,
  canJudgeSpam,
  ticketHref,
}: {
  spam: boolean;
  filters: MentionFilters;
  onFiltersChange: (filters: MentionFilters) => void;
  lookups: MentionLookups;
  canJudgeSpam: boolean;
  ticketHref: (ticketId: string) => string;
}) {
  // One object per distinct filter set, so the deferred copy below changes only when the filters do.
  const serialized = mentionFiltersToParams(filters).toString();
  const params = useMemo(() => ({ ...parseMentionFilters(new URLSearchParams(serialized)), spam }), [serialized, spam]);
  // The current results stay on screen (dimmed) while the newly filtered ones load.
  const shown = useDeferredValue(params);
  const loading = shown !== params;
  return (
    <div className="mentions-stream">
      {/* Remounted when the search changes from outside (Back, Clear), so its box shows it. */}
      <MentionFiltersForm key={filters.q ?? ''} filters={filters} lookups={lookups} onChange={onFiltersChange} />
      <div className={loading ? 'mentions-stream__results is-loading' : 'mentions-stream__results'} aria-busy={loading}>
        <Pane resetKey={JSON.stringify(shown)}>
          <MentionList
            params={shown}
            lookups={lookups}
            canJudgeSpam={canJudgeSpam}
            filtered={hasFilters(shown)}
            ticketHref={ticketHref}
          />
        </Pane>
      </div>
    </div>
  );
}
