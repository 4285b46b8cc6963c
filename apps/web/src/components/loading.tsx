import { useT } from '../i18n/i18n-provider';

export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <div className="loading" aria-busy="true">
      <span className="loading__spinner" aria-hidden="true" />
      <span>{label ?? t('app.loading')}</span>
    </div>
  );
}
