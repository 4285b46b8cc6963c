import { useT } from '../i18n/i18n-provider';
import { errorMessage } from '../lib/error-message';

/** The parts of an infinite query that fetching its next page needs. */
export interface NextPages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: unknown;
  fetchNextPage: () => Promise<unknown>;
}

/** Why the next page failed, if it did, and a button for it while there is one. */
export function LoadMore({ query }: { query: NextPages }) {
  const t = useT();
  return (
    <>
      {query.isFetchNextPageError && (
        <p className="inline-error" role="alert">
          {errorMessage(query.error, t)}
        </p>
      )}
      {query.hasNextPage && (
        <button
          type="button"
          className="button load-more"
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {query.isFetchingNextPage ? t('common.loadingMore') : t('common.loadMore')}
        </button>
      )}
    </>
  );
}
