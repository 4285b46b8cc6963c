import type { Source } from '@dengar/contracts';
import { Dialog } from '../../../components/dialog';
import { FormAlert } from '../../../components/form-fields';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/error-message';
import { useRotateWebhookSecret } from '../api/rotate-webhook-secret';
import { WebhookSecretPanel } from './webhook-secret-panel';

/** Asks first, then shows the new secret, once. */
export function RotateSecretDialog({ source, onClose }: { source: Source | null; onClose: () => void }) {
  const t = useT();
  const rotate = useRotateWebhookSecret();

  function close() {
    rotate.reset();
    onClose();
  }

  const title = source ? t(rotate.data ? 'sources.newSecretTitle' : 'sources.rotateTitle', { name: source.name }) : '';

  return (
    <Dialog open={source != null} onClose={close} title={title}>
      {source && rotate.data ? (
        <WebhookSecretPanel webhookUrl={source.webhookUrl} secret={rotate.data.webhookSecret} onDone={close} />
      ) : (
        <>
          {rotate.error != null && <FormAlert>{errorMessage(rotate.error, t)}</FormAlert>}
          <p>{t('sources.rotateBody')}</p>
          <div className="form__actions">
            <button type="button" className="button" onClick={close}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={rotate.isPending}
              onClick={() => {
                if (source) rotate.mutate(source.id);
              }}
            >
              {rotate.isPending ? t('sources.rotating') : t('sources.rotate')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
