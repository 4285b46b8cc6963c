import type { Campaign, Locale } from '@dengar/contracts';
import { useState } from 'react';
import { EmptyState } from '../../../components/empty-state';
import { LoadMore } from '../../../components/load-more';
import { Table } from '../../../components/table';
import { TermList } from '../../../components/term-list-field';
import { useLocale, useT } from '../../../i18n/i18n-provider';
import { useCampaigns } from '../api/get-campaigns';
import type { BrandOption } from './campaign-fields';
import { DeleteCampaignDialog } from './delete-campaign-dialog';
import { EditCampaignDialog } from './edit-campaign-dialog';

/** Campaign days are UTC calendar days (see campaign-draft.ts), shown as such. */
function formatDay(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));
}

export function CampaignsList({
  brands,
  canManage,
  onSaved,
  onDeleted,
}: {
  brands: readonly BrandOption[];
  canManage: boolean;
  onSaved?: (campaign: Campaign) => void;
  onDeleted?: (campaign: Campaign) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const campaigns = useCampaigns();
  const [editing, setEditing] = useState<Campaign | null>(null);
  const [deleting, setDeleting] = useState<Campaign | null>(null);
  const items = campaigns.data.pages.flatMap((page) => page.items);
  const brandName = new Map(brands.map((brand) => [brand.id, brand.name]));
  const none = t('brands.none');

  if (items.length === 0) {
    return (
      <EmptyState title={t('campaigns.empty')}>
        <p>{t('campaigns.emptyHint')}</p>
      </EmptyState>
    );
  }

  return (
    <>
      <Table
        caption={t('campaigns.title')}
        head={
          <>
            <th scope="col">{t('campaigns.col.name')}</th>
            <th scope="col">{t('campaigns.col.brand')}</th>
            <th scope="col">{t('campaigns.col.hashtags')}</th>
            <th scope="col">{t('campaigns.col.keywords')}</th>
            <th scope="col">{t('campaigns.col.starts')}</th>
            <th scope="col">{t('campaigns.col.ends')}</th>
            {canManage && (
              <th scope="col">
                <span className="visually-hidden">{t('users.col.actions')}</span>
              </th>
            )}
          </>
        }
      >
        {items.map((campaign) => (
          <tr key={campaign.id}>
            <th scope="row">{campaign.name}</th>
            <td>
              {campaign.brandId == null
                ? t('campaigns.anyOwnBrand')
                : (brandName.get(campaign.brandId) ?? t('campaigns.unknownBrand'))}
            </td>
            <td>
              <TermList terms={campaign.hashtags} prefix="#" empty={none} />
            </td>
            <td>
              <TermList terms={campaign.keywords} empty={none} />
            </td>
            <td>{formatDay(campaign.startsAt, locale)}</td>
            <td>{campaign.endsAt ? formatDay(campaign.endsAt, locale) : t('campaigns.noEnd')}</td>
            {canManage && (
              <td className="actions">
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('campaigns.editCampaign', { name: campaign.name })}
                  onClick={() => setEditing(campaign)}
                >
                  {t('common.edit')}
                </button>{' '}
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('campaigns.deleteCampaign', { name: campaign.name })}
                  onClick={() => setDeleting(campaign)}
                >
                  {t('common.delete')}
                </button>
              </td>
            )}
          </tr>
        ))}
      </Table>
      <LoadMore query={campaigns} />
      <EditCampaignDialog campaign={editing} brands={brands} onClose={() => setEditing(null)} onSaved={onSaved} />
      <DeleteCampaignDialog campaign={deleting} onClose={() => setDeleting(null)} onDeleted={onDeleted} />
    </>
  );
}
