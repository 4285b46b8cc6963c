import { useT } from '../../../i18n/i18n-provider';
import type { Viewer } from '../hooks/use-presence';

/** "Sari is viewing" / "Sari is typing…" for everyone else on this ticket right now. */
export function PresenceLine({ others }: { others: readonly Viewer[] }) {
  const t = useT();
  return (
    <div className="ticket-presence" role="status" aria-label={t('ticket.presence')}>
      {others.length > 0 && (
        <ul className="ticket-presence__list">
          {others.map((viewer) => (
            <li
              key={viewer.userId}
              className={`ticket-presence__item${viewer.typing ? ' ticket-presence__item--typing' : ''}`}
            >
              <span className="ticket-presence__dot" aria-hidden="true" />
              {viewer.typing
                ? t('ticket.presence.typing', { name: viewer.name })
                : t('ticket.presence.viewing', { name: viewer.name })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
