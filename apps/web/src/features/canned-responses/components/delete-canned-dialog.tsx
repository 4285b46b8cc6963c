import type { CannedResponse } from '@dengar/contracts';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useT } from '../../../i18n/i18n-provider';
import { useDeleteCannedResponse } from '../api/delete-canned-response';

export function DeleteCannedDialog({
  response,
  onClose,
  onDeleted,
}: {
  response: CannedResponse | null;
  onClose: () => void;
  onDeleted?: (response: CannedResponse) => void;
}) {
  const t = useT();
  const remove = useDeleteCannedResponse();

  function close() {
    remove.reset();
    onClose();
  }

  return (
    <ConfirmDialog
      open={response != null}
      title={response ? t('care.canned.deleteTitle', { name: response.name }) : ''}
      confirmLabel={t('common.delete')}
      pendingLabel={t('common.deleting')}
      pending={remove.isPending}
      error={remove.error}
      onClose={close}
      onConfirm={() => {
        if (!response) return;
        remove.mutate(response.id, {
          onSuccess: () => {
            close();
            onDeleted?.(response);
          },
        });
      }}
    >
      <p>{t('care.canned.deleteBody')}</p>
    </ConfirmDialog>
  );
}
