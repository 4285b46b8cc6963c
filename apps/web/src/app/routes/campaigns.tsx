import { usePrefetchInfiniteQuery } from '@tanstack/react-query';
import { Pane } from '../../components/error-boundary';
import { useBrands } from '../../features/brands/api/get-brands';
import type { BrandOption } from '../../features/campaigns/components/campaign-fields';
import { campaignsQueryOptions } from '../../features/campaigns/api/get-campaigns';
import { CampaignsList } from '../../features/campaigns/components/campaigns-list';
import { CreateCampaignButton } from '../../features/campaigns/components/create-campaign-dialog';
import { useT } from '../../i18n/i18n-provider';
import { pushToast } from '../../lib/toast-store';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useCurrentUser } from '../current-user';
import { listeningAccess } from './listening-access';

/** Brands a campaign may belong to: the first 100 (own brands first is the API's order to decide). */
function useBrandOptions(): BrandOption[] {
  const brands = useBrands(100);
  return brands.data.pages.flatMap((page) => page.items).map(({ id, name }) => ({ id, name }));
}

export function CampaignsRoute() {
  const t = useT();
  useDocumentTitle(t('campaigns.title'));
  return (
    <section className="settings-section" aria-labelledby="campaigns-heading">
      <Pane>
        <Campaigns />
      </Pane>
    </section>
  );
}

function Campaigns() {
  const t = useT();
  const user = useCurrentUser();
  const canManage = listeningAccess.manageCampaigns(user.role);
  // The list loads while the brands (for its names) do.
  usePrefetchInfiniteQuery(campaignsQueryOptions());
  const brands = useBrandOptions();
  return (
    <>
      <div className="section-header">
        <h2 id="campaigns-heading">{t('campaigns.title')}</h2>
        {canManage && (
          <CreateCampaignButton
            brands={brands}
            onCreated={(campaign) => pushToast('success', t('campaigns.created', { name: campaign.name }))}
          />
        )}
      </div>
      <p className="muted">{t('campaigns.intro')}</p>
      <Pane>
        <CampaignsList
          brands={brands}
          canManage={canManage}
          onSaved={(campaign) => pushToast('success', t('campaigns.saved', { name: campaign.name }))}
          onDeleted={(campaign) => pushToast('success', t('campaigns.deleted', { name: campaign.name }))}
        />
      </Pane>
    </>
  );
}
