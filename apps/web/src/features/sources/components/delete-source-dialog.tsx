import type { Source } from '@dengar/contracts';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useT } from '../../../i18n/i18n-provider';
import { useDeleteSource } from '../api/delete-source';

/** A source that already brought mentions cannot be deleted (409): the dialog says so, in the API's words. */
export function DeleteSourceDialog({
  source,
  onClose,
  onDeleted,
}: {
  source: Source | null;
  onClose: () => void;
  onDeleted?: (source: Source) => void;
}) {
  const t = useT();
  const deleteSource = useDeleteSource();

  function close() {
    deleteSource.reset();
    onClose();
  }

  return (
    <ConfirmDialog
      open={source != null}
      title={source ? t('sources.deleteTitle', { name: source.name }) : ''}
      confirmLabel={t('common.delete')}
      pendingLabel={t('common.deleting')}
      pending={deleteSource.isPending}
      error={deleteSource.error}
      onClose={close}
      onConfirm={() => {
        if (!source) return;
        deleteSource.mutate(source.id, {
          onSuccess: () => {
            close();
            onDeleted?.(source);
          },
        });
      }}
    >
      <p>{t('sources.deleteBody')}</p>
    </ConfirmDialog>
  );
}
