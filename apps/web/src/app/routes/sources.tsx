import { Pane } from '../../components/error-boundary';
import { CreateSourceButton } from '../../features/sources/components/create-source-dialog';
import { SourcesList } from '../../features/sources/components/sources-list';
import { useT } from '../../i18n/i18n-provider';
import { pushToast } from '../../lib/toast-store';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useCurrentUser } from '../current-user';
import { listeningAccess } from './listening-access';

export function SourcesRoute() {
  const t = useT();
  const user = useCurrentUser();
  const canManage = listeningAccess.manageSources(user.role);
  useDocumentTitle(t('sources.title'));
  return (
    <section className="settings-section" aria-labelledby="sources-heading">
      <div className="section-header">
        <h2 id="sources-heading">{t('sources.title')}</h2>
        {canManage && (
          <CreateSourceButton
            onCreated={(source) => pushToast('success', t('sources.created', { name: source.name }))}
          />
        )}
      </div>
      <p className="muted">{canManage ? t('sources.intro') : t('sources.readOnly')}</p>
      <Pane>
        <SourcesList canManage={canManage} />
      </Pane>
    </section>
  );
}
