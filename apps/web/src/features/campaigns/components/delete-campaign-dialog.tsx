import type { Campaign } from '@dengar/contracts';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useT } from '../../../i18n/i18n-provider';
import { useDeleteCampaign } from '../api/delete-campaign';

export function DeleteCampaignDialog({
  campaign,
  onClose,
  onDeleted,
}: {
  campaign: Campaign | null;
  onClose: () => void;
  onDeleted?: (campaign: Campaign) => void;
}) {
  const t = useT();
  const deleteCampaign = useDeleteCampaign();

  function close() {
    deleteCampaign.reset();
    onClose();
  }

  return (
    <ConfirmDialog
      open={campaign != null}
      title={campaign ? t('campaigns.deleteTitle', { name: campaign.name }) : ''}
      confirmLabel={t('common.delete')}
      pendingLabel={t('common.deleting')}
      pending={deleteCampaign.isPending}
      error={deleteCampaign.error}
      onClose={close}
      onConfirm={() => {
        if (!campaign) return;
        deleteCampaign.mutate(campaign.id, {
          onSuccess: () => {
            close();
            onDeleted?.(campaign);
          },
        });
      }}
    >
      <p>{t('campaigns.deleteBody')}</p>
    </ConfirmDialog>
  );
}
