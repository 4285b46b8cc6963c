import type { Brand } from '@dengar/contracts';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useT } from '../../../i18n/i18n-provider';
import { useDeleteBrand } from '../api/delete-brand';

export function DeleteBrandDialog({
  brand,
  onClose,
  onDeleted,
}: {
  brand: Brand | null;
  onClose: () => void;
  onDeleted?: (brand: Brand) => void;
}) {
  const t = useT();
  const deleteBrand = useDeleteBrand();

  function close() {
    deleteBrand.reset();
    onClose();
  }

  return (
    <ConfirmDialog
      open={brand != null}
      title={brand ? t('brands.deleteTitle', { name: brand.name }) : ''}
      confirmLabel={t('common.delete')}
      pendingLabel={t('common.deleting')}
      pending={deleteBrand.isPending}
      error={deleteBrand.error}
      onClose={close}
      onConfirm={() => {
        if (!brand) return;
        deleteBrand.mutate(brand.id, {
          onSuccess: () => {
            close();
            onDeleted?.(brand);
          },
        });
      }}
    >
      <p>{t('brands.deleteBody')}</p>
    </ConfirmDialog>
  );
}
