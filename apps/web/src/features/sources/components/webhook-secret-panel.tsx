import { CopyField } from '../../../components/copy-field';
import { useT } from '../../../i18n/i18n-provider';
import './sources.css';

/** Where a webhook source is posted to: the API gives the path, the sender needs the whole URL. */
export function webhookAddress(webhookUrl: string): string {
  return new URL(webhookUrl, window.location.origin).toString();
}

/** The webhook's URL and its `whsec_…` secret, which no later answer repeats. */
export function WebhookSecretPanel({
  webhookUrl,
  secret,
  onDone,
}: {
  webhookUrl: string | null;
  secret: string;
  onDone: () => void;
}) {
  const t = useT();
  return (
    <div className="form">
      <div className="notice notice--warn" role="note">
        <p>
          <strong>{t('sources.secretOnceTitle')}</strong> {t('sources.secretOnceBody')}
        </p>
      </div>
      {webhookUrl && <CopyField label={t('sources.webhookUrl')} value={webhookAddress(webhookUrl)} />}
      <CopyField label={t('sources.signingSecret')} value={secret} hint={t('sources.signingSecretHint')} />
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={onDone}>
          {t('sources.secretCopied')}
        </button>
      </div>
    </div>
  );
}
