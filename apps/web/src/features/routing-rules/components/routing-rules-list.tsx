import type { RoutingRule } from '@dengar/contracts';
import { useState } from 'react';
import { EmptyState } from '../../../components/empty-state';
import { Table } from '../../../components/table';
import { useT, type Translate } from '../../../i18n/i18n-provider';
import { useReorderRoutingRules } from '../api/reorder-routing-rules';
import { useRoutingRules } from '../api/get-routing-rules';
import { useSetRuleEnabled } from '../api/set-rule-enabled';
import { moveRule } from '../rule-draft';
import { DeleteRuleDialog } from './delete-rule-dialog';
import { RuleDialog, type RuleEditing } from './rule-dialog';
import type { RuleOptions } from './rule-fields';
import '../routing-rules.css';

function nameOf(list: { id: string; name: string }[], id: string, t: Translate): string {
  return list.find((item) => item.id === id)?.name ?? t('care.rules.deleted');
}

/** One short line per condition and action, as the rule would be read aloud. */
export function describeRule(rule: RoutingRule, options: RuleOptions, t: Translate) {
  const { conditions: c, actions: a } = rule;
  const join = (values: string[]) => values.join(', ');
  const conditions = [
    c.sourceKinds &&
      t('care.rules.sum.sourceKinds', { values: join(c.sourceKinds.map((k) => t(`sources.kind.${k}`))) }),
    c.sourceIds &&
      t('care.rules.sum.sources', { values: join(c.sourceIds.map((id) => nameOf(options.sources, id, t))) }),
    c.brandKind && t('care.rules.sum.brandKind', { value: t(`brands.kind.${c.brandKind}`) }),
    c.languages && t('care.rules.sum.languages', { values: join(c.languages) }),
    c.sentiments &&
      t('care.rules.sum.sentiments', { values: join(c.sentiments.map((s) => t(`mentions.sentiment.${s}`))) }),
    c.types && t('care.rules.sum.types', { values: join(c.types.map((type) => t(`mentions.type.${type}`))) }),
    c.keywords?.any && t('care.rules.sum.keywordsAny', { values: join(c.keywords.any) }),
    c.keywords?.all && t('care.rules.sum.keywordsAll', { values: join(c.keywords.all) }),
    c.keywords?.none && t('care.rules.sum.keywordsNone', { values: join(c.keywords.none) }),
    c.minInfluence !== undefined && t('care.rules.sum.minInfluence', { value: c.minInfluence }),
    c.verified !== undefined && (c.verified ? t('care.rules.sum.verified') : t('care.rules.sum.notVerified')),
  ].filter((line): line is string => typeof line === 'string');
  const actions = [
    a.teamId && t('care.rules.sum.team', { value: nameOf(options.teams, a.teamId, t) }),
    a.priority && t('care.rules.sum.priority', { value: t(`care.priority.${a.priority}`) }),
    a.tagIds && t('care.rules.sum.tags', { values: join(a.tagIds.map((id) => nameOf(options.tags, id, t))) }),
    a.markSpam && t('care.rules.sum.markSpam'),
    a.skip && t('care.rules.sum.skip'),
  ].filter((line): line is string => typeof line === 'string');
  return { conditions: conditions.length > 0 ? conditions : [t('care.rules.sum.everything')], actions };
}

/** The rules in the order they are tried; the first that matches a mention decides. */
export function RoutingRulesList({
  options,
  editing,
  onEdit,
  onSaved,
  onDeleted,
}: {
  options: RuleOptions;
  editing: RuleEditing;
  onEdit: (editing: RuleEditing) => void;
  onSaved: (rule: RoutingRule, created: boolean) => void;
  onDeleted: (rule: RoutingRule) => void;
}) {
  const t = useT();
  const { data } = useRoutingRules();
  const reorder = useReorderRoutingRules();
  const setEnabled = useSetRuleEnabled();
  const [deleting, setDeleting] = useState<RoutingRule | null>(null);
  const rules = data.items;
  const ids = rules.map((rule) => rule.id);

  function move(rule: RoutingRule, delta: -1 | 1) {
    const next = moveRule(ids, rule.id, delta);
    if (next) reorder.mutate(next);
  }

  return (
    <>
      {rules.length === 0 ? (
        <EmptyState title={t('care.rules.empty')}>
          <p>{t('care.rules.emptyHint')}</p>
        </EmptyState>
      ) : (
        <Table
          caption={t('care.rules.title')}
          head={
            <>
              <th scope="col" className="numeric">
                {t('care.rules.col.order')}
              </th>
              <th scope="col">{t('care.rules.col.name')}</th>
              <th scope="col">{t('care.rules.col.when')}</th>
              <th scope="col">{t('care.rules.col.then')}</th>
              <th scope="col">{t('care.rules.col.enabled')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('users.col.actions')}</span>
              </th>
            </>
          }
        >
          {rules.map((rule, index) => {
            const summary = describeRule(rule, options, t);
            return (
              <tr key={rule.id} className={rule.enabled ? undefined : 'rule--disabled'}>
                <td className="numeric">{index + 1}</td>
                <th scope="row">{rule.name}</th>
                <td>
                  <ul className="rule-summary">
                    {summary.conditions.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </td>
                <td>
                  <ul className="rule-summary">
                    {summary.actions.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </td>
                <td>
                  <input
                    type="checkbox"
                    className="rule-toggle"
                    aria-label={t('care.rules.enabledNamed', { name: rule.name })}
                    checked={rule.enabled}
                    onChange={(event) => setEnabled.mutate({ id: rule.id, enabled: event.target.checked })}
                  />
                </td>
                <td className="actions">
                  <div className="rule-actions">
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={t('care.rules.moveUp', { name: rule.name })}
                      disabled={index === 0 || reorder.isPending}
                      onClick={() => move(rule, -1)}
                    >
                      <span aria-hidden="true">↑</span>
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={t('care.rules.moveDown', { name: rule.name })}
                      disabled={index === rules.length - 1 || reorder.isPending}
                      onClick={() => move(rule, 1)}
                    >
                      <span aria-hidden="true">↓</span>
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={t('care.rules.editNamed', { name: rule.name })}
                      onClick={() => onEdit(rule)}
                    >
                      {t('common.edit')}
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      aria-label={t('care.rules.deleteNamed', { name: rule.name })}
                      onClick={() => setDeleting(rule)}
                    >
                      {t('common.delete')}
                    </button>
                  </div>
                </td>
              </tr>
            );
          })}
        </Table>
      )}
      <RuleDialog editing={editing} options={options} onClose={() => onEdit(null)} onSaved={onSaved} />
      <DeleteRuleDialog rule={deleting} onClose={() => setDeleting(null)} onDeleted={onDeleted} />
    </>
  );
}
