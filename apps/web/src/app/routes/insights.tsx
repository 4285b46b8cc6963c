import { Pane } from '../../components/error-boundary';
import { useBrands } from '../../features/brands/api/get-brands';
import { InsightsPage } from '../../features/insights/components/insights-page';
import { useSettings } from '../../features/workspace-settings/api/get-settings';
import { useT } from '../../i18n/i18n-provider';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useCurrentUser } from '../current-user';
import { listeningAccess } from './listening-access';
import { listeningPaths } from './listening-paths';

/** Marketing, managers and admins (the router keeps agents out; the API answers them 403). */
export function InsightsRoute() {
  const t = useT();
  useDocumentTitle(t('insights.title'));
  return (
    <div className="page">
      <h1 className="page-title">{t('insights.title')}</h1>
      <Pane>
        <Insights />
      </Pane>
    </div>
  );
}

function Insights() {
  const user = useCurrentUser();
  const settings = useSettings();
  const brands = useBrands(100);
  return (
    <InsightsPage
      brands={brands.data.pages.flatMap((page) => page.items).map(({ id, name, kind }) => ({ id, name, kind }))}
      timezone={settings.data.timezone}
      mentionsPath={listeningPaths.mentions}
      setupPath={listeningAccess.viewListeningSettings(user.role) ? listeningPaths.sources : undefined}
    />
  );
}
