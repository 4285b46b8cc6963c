import type { ConnectionState } from '../lib/connection-state';
import type { MessageKey } from '../i18n/dictionaries';
import { useT } from '../i18n/i18n-provider';

const LABELS: Record<ConnectionState, MessageKey> = {
  // `idle` only shows for the instant before the frame starts connecting.
  idle: 'connection.connecting',
  connecting: 'connection.connecting',
  connected: 'connection.connected',
  reconnecting: 'connection.reconnecting',
};

export function ConnectionIndicator({ state }: { state: ConnectionState }) {
  const t = useT();
  const label = t(LABELS[state]);
  return (
    <div className={`connection connection--${state}`} role="status" aria-live="polite" aria-label={label}>
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__label">{label}</span>
    </div>
  );
}
