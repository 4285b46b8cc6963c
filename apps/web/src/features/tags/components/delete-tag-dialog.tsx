import type { Tag } from '@dengar/contracts';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useT } from '../../../i18n/i18n-provider';
import { useDeleteTag } from '../api/delete-tag';

export function DeleteTagDialog({
  tag,
  onClose,
  onDeleted,
}: {
  tag: Tag | null;
  onClose: () => void;
  onDeleted?: (tag: Tag) => void;
}) {
  const t = useT();
  const deleteTag = useDeleteTag();

  function close() {
    deleteTag.reset();
    onClose();
  }

  return (
    <ConfirmDialog
      open={tag != null}
      title={tag ? t('care.tags.deleteTitle', { name: tag.name }) : ''}
      confirmLabel={t('common.delete')}
      pendingLabel={t('common.deleting')}
      pending={deleteTag.isPending}
      error={deleteTag.error}
      onClose={close}
      onConfirm={() => {
        if (!tag) return;
        deleteTag.mutate(tag.id, {
          onSuccess: () => {
            close();
            onDeleted?.(tag);
          },
        });
      }}
    >
      <p>{t('care.tags.deleteBody')}</p>
    </ConfirmDialog>
  );
}
