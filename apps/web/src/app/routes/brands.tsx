import { Pane } from '../../components/error-boundary';
import { CreateBrandButton } from '../../features/brands/components/create-brand-dialog';
import { BrandsList } from '../../features/brands/components/brands-list';
import { useT } from '../../i18n/i18n-provider';
import { pushToast } from '../../lib/toast-store';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useCurrentUser } from '../current-user';
import { listeningAccess } from './listening-access';

export function BrandsRoute() {
  const t = useT();
  const user = useCurrentUser();
  const canManage = listeningAccess.manageBrands(user.role);
  useDocumentTitle(t('brands.title'));
  return (
    <section className="settings-section" aria-labelledby="brands-heading">
      <div className="section-header">
        <h2 id="brands-heading">{t('brands.title')}</h2>
        {canManage && (
          <CreateBrandButton onCreated={(brand) => pushToast('success', t('brands.created', { name: brand.name }))} />
        )}
      </div>
      <p className="muted">{canManage ? t('brands.intro') : t('brands.readOnly')}</p>
      <Pane>
        <BrandsList
          canManage={canManage}
          onSaved={(brand) => pushToast('success', t('brands.saved', { name: brand.name }))}
          onDeleted={(brand) => pushToast('success', t('brands.deleted', { name: brand.name }))}
        />
      </Pane>
    </section>
  );
}
