import { EmptyState } from '../../components/empty-state';
import { useT } from '../../i18n/i18n-provider';
import { useDocumentTitle } from '../../lib/use-document-title';

export function InsightsRoute() {
  const t = useT();
  useDocumentTitle(t('insights.title'));
  return (
    <div className="page">
      <h1 className="page-title">{t('insights.title')}</h1>
      <EmptyState title={t('insights.title')}>
        <p>{t('insights.comingSoon')}</p>
      </EmptyState>
    </div>
  );
}
