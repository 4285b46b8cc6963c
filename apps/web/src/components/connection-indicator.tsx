import type { ConnectionState } from '../lib/connection-state';
import type { MessageKey } from '../i18n/dictionaries';
import { useT } from '../i18n/i18n-provider';
import './connection-indicator.css';

const LABELS: Record<ConnectionState, MessageKey> = {
  // `idle` only shows for the instant before the frame starts connecting.
  idle: 'connection.connecting',
  connecting: 'connection.connecting',
  connected: 'connection.connected',
  // Once it had been live, a drop is news: people must know what they see may be out of date.
  reconnecting: 'header.connection.lost',
};

export function ConnectionIndicator({ state }: { state: ConnectionState }) {
  const t = useT();
  const label = t(LABELS[state]);
  const lost = state === 'reconnecting';
  return (
    <div
      className={`connection connection--${state}${lost ? ' connection--lost' : ''}`}
      role="status"
      aria-live="polite"
      aria-label={label}
      title={lost ? t('header.connection.lostHint') : undefined}
    >
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__label">{label}</span>
    </div>
  );
}
