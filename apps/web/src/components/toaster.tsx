import { useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../i18n/i18n-provider';
import { dismissToast, getToasts, subscribeToasts } from '../lib/toast-store';

/**
 * The live region every toast is announced through; it stays mounted so screen readers hear additions, and
 * lives outside the app root so it is still heard while a modal hides the app.
 */
export function Toaster() {
  const t = useT();
  const toasts = useSyncExternalStore(subscribeToasts, getToasts, getToasts);
  return createPortal(
    <section className="toaster" aria-label={t('toasts.region')}>
      <div role="status" aria-live="polite" className="toaster__list">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast--${toast.kind}`}>
            <p className="toast__message">{toast.message}</p>
            <button
              type="button"
              className="toast__dismiss"
              aria-label={t('toasts.dismiss')}
              onClick={() => dismissToast(toast.id)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </div>
        ))}
      </div>
    </section>,
    document.body,
  );
}
