import type { RoutingRule } from '@dengar/contracts';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useT } from '../../../i18n/i18n-provider';
import { useDeleteRoutingRule } from '../api/delete-routing-rule';

export function DeleteRuleDialog({
  rule,
  onClose,
  onDeleted,
}: {
  rule: RoutingRule | null;
  onClose: () => void;
  onDeleted?: (rule: RoutingRule) => void;
}) {
  const t = useT();
  const deleteRule = useDeleteRoutingRule();

  function close() {
    deleteRule.reset();
    onClose();
  }

  return (
    <ConfirmDialog
      open={rule != null}
      title={rule ? t('care.rules.deleteTitle', { name: rule.name }) : ''}
      confirmLabel={t('common.delete')}
      pendingLabel={t('common.deleting')}
      pending={deleteRule.isPending}
      error={deleteRule.error}
      onClose={close}
      onConfirm={() => {
        if (!rule) return;
        deleteRule.mutate(rule.id, {
          onSuccess: () => {
            close();
            onDeleted?.(rule);
          },
        });
      }}
    >
      <p>{t('care.rules.deleteBody')}</p>
    </ConfirmDialog>
  );
}
