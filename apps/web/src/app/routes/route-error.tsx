import { useRouteError } from 'react-router';
import { PaneError } from '../../components/error-boundary';
import { useT } from '../../i18n/i18n-provider';

/** Last resort for anything the per-pane boundaries did not catch. */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  return (
    <main id="main" className="full-page">
      <PaneError title={t('errors.routeTitle')} error={error} onRetry={() => window.location.reload()} />
    </main>
  );
}
