import type { Brand } from '@dengar/contracts';
import { useState } from 'react';
import { EmptyState } from '../../../components/empty-state';
import { LoadMore } from '../../../components/load-more';
import { Table } from '../../../components/table';
import { TermList } from '../../../components/term-list-field';
import { useT } from '../../../i18n/i18n-provider';
import { useBrands } from '../api/get-brands';
import { DeleteBrandDialog } from './delete-brand-dialog';
import { EditBrandDialog } from './edit-brand-dialog';

/** Own brands and competitors with the terms that find them; `canManage` adds edit and delete. */
export function BrandsList({
  canManage,
  onSaved,
  onDeleted,
}: {
  canManage: boolean;
  onSaved?: (brand: Brand) => void;
  onDeleted?: (brand: Brand) => void;
}) {
  const t = useT();
  const brands = useBrands();
  const [editing, setEditing] = useState<Brand | null>(null);
  const [deleting, setDeleting] = useState<Brand | null>(null);
  const items = brands.data.pages.flatMap((page) => page.items);
  const none = t('brands.none');

  if (items.length === 0) {
    return (
      <EmptyState title={t('brands.empty')}>
        <p>{t('brands.emptyHint')}</p>
      </EmptyState>
    );
  }

  return (
    <>
      <Table
        caption={t('brands.title')}
        head={
          <>
            <th scope="col">{t('brands.col.name')}</th>
            <th scope="col">{t('brands.col.kind')}</th>
            <th scope="col">{t('brands.col.keywords')}</th>
            <th scope="col">{t('brands.col.handles')}</th>
            <th scope="col">{t('brands.col.hashtags')}</th>
            <th scope="col">{t('brands.col.excluded')}</th>
            {canManage && (
              <th scope="col">
                <span className="visually-hidden">{t('users.col.actions')}</span>
              </th>
            )}
          </>
        }
      >
        {items.map((brand) => (
          <tr key={brand.id}>
            <th scope="row">{brand.name}</th>
            <td>
              <span className={`badge ${brand.kind === 'own' ? 'badge--info' : 'badge--muted'}`}>
                {t(`brands.kind.${brand.kind}`)}
              </span>
            </td>
            <td>
              <TermList terms={brand.keywords} empty={none} />
            </td>
            <td>
              <TermList terms={brand.handles} prefix="@" empty={none} />
            </td>
            <td>
              <TermList terms={brand.hashtags} prefix="#" empty={none} />
            </td>
            <td>
              <TermList terms={brand.excludedKeywords} empty={none} />
            </td>
            {canManage && (
              <td className="actions">
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('brands.editBrand', { name: brand.name })}
                  onClick={() => setEditing(brand)}
                >
                  {t('common.edit')}
                </button>{' '}
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('brands.deleteBrand', { name: brand.name })}
                  onClick={() => setDeleting(brand)}
                >
                  {t('common.delete')}
                </button>
              </td>
            )}
          </tr>
        ))}
      </Table>
      <LoadMore query={brands} />
      <EditBrandDialog brand={editing} onClose={() => setEditing(null)} onSaved={onSaved} />
      <DeleteBrandDialog brand={deleting} onClose={() => setDeleting(null)} onDeleted={onDeleted} />
    </>
  );
}
