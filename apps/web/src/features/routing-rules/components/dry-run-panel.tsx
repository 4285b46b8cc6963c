import { RoutingConditionsSchema, type RoutingConditions } from '@dengar/contracts';
import { useState } from 'react';
import { DateTime } from '../../../components/date-time';
import { useLocale, useT } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/error-message';
import { useDryRunRoutingRule } from '../api/dry-run-routing-rule';

/** How many of the latest mentions are tried. */
export const DRY_RUN_LIMIT = 500;

/**
 * "Test rule": which of the latest mentions the conditions as typed would match, before anything is saved.
 * `conditions` is the unchecked draft; a draft the schema refuses is not sent.
 */
export function DryRunPanel({ conditions }: { conditions: RoutingConditions }) {
  const t = useT();
  const { locale } = useLocale();
  const dryRun = useDryRunRoutingRule();
  const [invalid, setInvalid] = useState(false);
  const number = new Intl.NumberFormat(locale);

  function run() {
    const parsed = RoutingConditionsSchema.safeParse(conditions);
    setInvalid(!parsed.success);
    if (parsed.success) dryRun.mutate({ conditions: parsed.data, limit: DRY_RUN_LIMIT });
    else dryRun.reset();
  }

  const result = dryRun.data;
  return (
    <section className="dry-run" aria-label={t('care.rules.dryRun')}>
      <div className="dry-run__bar">
        <button type="button" className="button" onClick={run} disabled={dryRun.isPending}>
          {dryRun.isPending ? t('care.rules.dryRunning') : t('care.rules.dryRun')}
        </button>
        <p className="field__hint">{t('care.rules.dryRunHint', { limit: number.format(DRY_RUN_LIMIT) })}</p>
      </div>
      <div role="status" aria-live="polite">
        {invalid && <p className="inline-error">{t('care.rules.dryRunInvalid')}</p>}
        {dryRun.isError && <p className="inline-error">{errorMessage(dryRun.error, t)}</p>}
        {result && !invalid && !dryRun.isPending && (
          <p className="dry-run__summary">
            {t('care.rules.dryRunResult', { matched: number.format(result.matched), of: number.format(result.of) })}
          </p>
        )}
      </div>
      {result && !invalid && result.sample.length > 0 && (
        <ul className="dry-run__sample" aria-label={t('care.rules.dryRunSample')}>
          {result.sample.map((mention) => (
            <li key={mention.id}>
              <span className="dry-run__text">{mention.text}</span>
              <span className="muted">
                <DateTime value={mention.postedAt} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
