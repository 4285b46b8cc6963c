import { usePrefetchInfiniteQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { Pane } from '../../components/error-boundary';
import { brandsQueryOptions, useBrands } from '../../features/brands/api/get-brands';
import { campaignsQueryOptions, useCampaigns } from '../../features/campaigns/api/get-campaigns';
import { mentionsQueryOptions } from '../../features/mentions/api/get-mentions';
import { MentionViewTabs } from '../../features/mentions/components/mention-view-tabs';
import { MentionsStream } from '../../features/mentions/components/mentions-stream';
import {
  mentionFiltersToParams,
  parseMentionFilters,
  type MentionFilters,
} from '../../features/mentions/mention-filters';
import type { MentionLookups } from '../../features/mentions/mention-lookups';
import { sourcesQueryOptions, useSources } from '../../features/sources/api/get-sources';
import { useT } from '../../i18n/i18n-provider';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useCurrentUser } from '../current-user';
import { listeningAccess } from './listening-access';
import { listeningPaths } from './listening-paths';

const LOOKUP_LIMIT = 100;

/** Names for the stream's filters and chips: the first 100 of each. */
function useMentionLookups(): MentionLookups {
  // Started together, not one after another as each suspends.
  usePrefetchInfiniteQuery(sourcesQueryOptions(LOOKUP_LIMIT));
  usePrefetchInfiniteQuery(brandsQueryOptions(LOOKUP_LIMIT));
  usePrefetchInfiniteQuery(campaignsQueryOptions(LOOKUP_LIMIT));
  const sources = useSources({ limit: LOOKUP_LIMIT });
  const brands = useBrands(LOOKUP_LIMIT);
  const campaigns = useCampaigns(LOOKUP_LIMIT);
  return {
    sources: sources.data.pages.flatMap((page) => page.items).map(({ id, name, kind }) => ({ id, name, kind })),
    brands: brands.data.pages.flatMap((page) => page.items).map(({ id, name }) => ({ id, name })),
    campaigns: campaigns.data.pages.flatMap((page) => page.items).map(({ id, name }) => ({ id, name })),
  };
}

/** The listening stream for everyone (the API limits agents to their tickets' mentions); `spam` is its Spam view. */
export function MentionsRoute({ spam = false }: { spam?: boolean }) {
  const t = useT();
  const user = useCurrentUser();
  const title = spam ? t('mentions.spamTitle') : t('mentions.title');
  useDocumentTitle(title);
  return (
    <div className="page">
      <h1 className="page-title">{title}</h1>
      <MentionViewTabs
        streamPath={listeningPaths.mentions}
        spamPath={listeningPaths.spam}
        showSpam={listeningAccess.judgeSpam(user.role)}
      />
      <Pane>
        <Stream spam={spam} />
      </Pane>
    </div>
  );
}

function Stream({ spam }: { spam: boolean }) {
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const filters = parseMentionFilters(params);
  // The stream itself loads alongside the names it needs.
  usePrefetchInfiniteQuery(mentionsQueryOptions({ ...filters, spam }));
  const lookups = useMentionLookups();
  return (
    <MentionsStream
      spam={spam}
      filters={filters}
      // Synchronously, not as a transition: the next change (a second select) then starts from this one.
      onFiltersChange={(next: MentionFilters) =>
        setParams(mentionFiltersToParams(next), { replace: true, flushSync: true })
      }
      lookups={lookups}
      canJudgeSpam={listeningAccess.judgeSpam(user.role)}
      ticketHref={listeningPaths.ticket}
    />
  );
}

export function SpamRoute() {
  return <MentionsRoute spam />;
}
