import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n-provider';
import { errorMessage } from '../lib/error-message';
import { Dialog } from './dialog';
import { FormAlert } from './form-fields';

/**
 * "Are you sure?" for a destructive or one-way action. An error the action answers with (a 409 explaining why
 * it cannot be done) is shown inside the dialog, where the person is looking.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  pendingLabel,
  pending,
  error,
  danger = true,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  error?: unknown;
  danger?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Dialog open={open} onClose={onClose} title={title}>
      {error != null && <FormAlert>{errorMessage(error, t)}</FormAlert>}
      {children}
      <div className="form__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className={`button ${danger ? 'button--danger' : 'button--primary'}`}
          disabled={pending}
          onClick={onConfirm}
        >
          {pending ? pendingLabel : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
