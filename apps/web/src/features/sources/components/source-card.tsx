import type { Source, SourceStatus } from '@dengar/contracts';
import { useId } from 'react';
import { DateTime } from '../../../components/date-time';
import { useT } from '../../../i18n/i18n-provider';
import { isPolled } from '../source-config';
import { webhookAddress } from './webhook-secret-panel';

const STATUS_CLASS: Record<SourceStatus, string> = {
  ok: 'badge--ok',
  backoff: 'badge--warn',
  error: 'badge--error',
  disabled: 'badge--muted',
};

export function SourceStatusBadge({ status }: { status: SourceStatus }) {
  const t = useT();
  return <span className={`badge ${STATUS_CLASS[status]}`}>{t(`sources.status.${status}`)}</span>;
}

/** What an admin does to a source; left out for people who may only look. */
export interface SourceActions {
  onPoll: (source: Source) => void;
  onToggle: (source: Source) => void;
  onEdit: (source: Source) => void;
  onRotate: (source: Source) => void;
  onDelete: (source: Source) => void;
  /** Source ids with a poll or toggle on its way. */
  busy: ReadonlySet<string>;
}

/** One source's health at a glance: status, poll times, the last error in words, the last 24 hours. */
export function SourceCard({ source, actions }: { source: Source; actions?: SourceActions }) {
  const t = useT();
  const headingId = useId();
  const polled = isPolled(source.kind);
  const { health } = source;
  const busy = actions?.busy.has(source.id) ?? false;

  return (
    <article className="source-card" aria-labelledby={headingId}>
      <div className="source-card__header">
        <h3 id={headingId} className="source-card__name">
          {source.name}
        </h3>
        <span className="source-card__kind">{t(`sources.kind.${source.kind}`)}</span>
      </div>

      <dl className="source-card__facts">
        <div>
          <dt>{t('sources.fact.status')}</dt>
          <dd>
            <SourceStatusBadge status={source.status} />
          </dd>
        </div>
        {polled && (
          <div>
            <dt>{t('sources.fact.lastPoll')}</dt>
            <dd>{source.lastPolledAt ? <DateTime value={source.lastPolledAt} /> : t('sources.never')}</dd>
          </div>
        )}
        {polled && (
          <div>
            <dt>{source.status === 'backoff' ? t('sources.fact.nextTry') : t('sources.fact.nextPoll')}</dt>
            <dd>{source.nextPollAt ? <DateTime value={source.nextPollAt} /> : t('sources.notScheduled')}</dd>
          </div>
        )}
        <div>
          <dt>{t('sources.fact.ingested')}</dt>
          <dd className="numeric">{health.ingested24h}</dd>
        </div>
        <div>
          <dt>{t('sources.fact.duplicates')}</dt>
          <dd className="numeric">{health.duplicates24h}</dd>
        </div>
        <div>
          <dt>{t('sources.fact.skipped')}</dt>
          <dd className="numeric">{health.skipped24h}</dd>
        </div>
      </dl>

      {source.lastError && (
        <p className="source-card__error">
          <strong>{t('sources.lastError')}</strong> {source.lastError}
        </p>
      )}

      {health.skipReasons.length > 0 && (
        <div className="source-card__skips">
          <p className="source-card__subtitle">{t('sources.skipReasons')}</p>
          <ul>
            {health.skipReasons.map(({ reason, count }) => (
              <li key={reason}>
                {reason}: <span className="numeric">{count}</span>
              </li>
            ))}
          </ul>
        </div>
      )}

      {source.webhookUrl && (
        <p className="source-card__webhook">
          <span className="source-card__subtitle">{t('sources.webhookUrl')}</span>{' '}
          <code>{webhookAddress(source.webhookUrl)}</code>
        </p>
      )}

      {actions && (
        <div className="source-card__actions">
          <button
            type="button"
            role="switch"
            aria-checked={source.enabled}
            className="switch"
            disabled={busy}
            onClick={() => actions.onToggle(source)}
          >
            <span className="switch__track" aria-hidden="true">
              <span className="switch__thumb" />
            </span>
            {t('sources.enabled')}
          </button>
          {polled && (
            <button
              type="button"
              className="button button--small"
              disabled={!source.enabled || busy}
              aria-label={t('sources.pollNamed', { name: source.name })}
              onClick={() => actions.onPoll(source)}
            >
              {t('sources.poll')}
            </button>
          )}
          <button
            type="button"
            className="button button--small"
            aria-label={t('sources.editNamed', { name: source.name })}
            onClick={() => actions.onEdit(source)}
          >
            {t('common.edit')}
          </button>
          {source.kind === 'webhook' && (
            <button
              type="button"
              className="button button--small"
              aria-label={t('sources.rotateNamed', { name: source.name })}
              onClick={() => actions.onRotate(source)}
            >
              {t('sources.rotate')}
            </button>
          )}
          <button
            type="button"
            className="button button--small button--danger"
            aria-label={t('sources.deleteNamed', { name: source.name })}
            onClick={() => actions.onDelete(source)}
          >
            {t('common.delete')}
          </button>
        </div>
      )}
    </article>
  );
}
