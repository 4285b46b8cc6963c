import { CreateRoutingRuleRequestSchema, UpdateRoutingRuleRequestSchema, type RoutingRule } from '@dengar/contracts';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/dialog';
import { FormActions, SaveErrorAlert } from '../../../components/form-fields';
import { useT } from '../../../i18n/i18n-provider';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useCreateRoutingRule } from '../api/create-routing-rule';
import { useUpdateRoutingRule } from '../api/update-routing-rule';
import { conditionsOf, emptyRuleDraft, ruleDraftOf, ruleRequestOf, type RuleDraft } from '../rule-draft';
import { DryRunPanel } from './dry-run-panel';
import { RuleFields, type RuleOptions } from './rule-fields';

/** `editing`: null while closed, `'new'` for a new rule, else the rule being changed. */
export type RuleEditing = RoutingRule | 'new' | null;

export function RuleDialog({
  editing,
  options,
  onClose,
  onSaved,
}: {
  editing: RuleEditing;
  options: RuleOptions;
  onClose: () => void;
  onSaved: (rule: RoutingRule, created: boolean) => void;
}) {
  const t = useT();
  const title =
    editing === null
      ? ''
      : editing === 'new'
        ? t('care.rules.createTitle')
        : t('care.rules.editTitle', { name: editing.name });
  return (
    <Dialog open={editing !== null} onClose={onClose} title={title}>
      {editing !== null && (
        <RuleForm
          key={editing === 'new' ? 'new' : editing.id}
          rule={editing === 'new' ? null : editing}
          options={options}
          onCancel={onClose}
          onSaved={(rule) => {
            onClose();
            onSaved(rule, editing === 'new');
          }}
        />
      )}
    </Dialog>
  );
}

function RuleForm({
  rule,
  options,
  onSaved,
  onCancel,
}: {
  rule: RoutingRule | null;
  options: RuleOptions;
  onSaved: (rule: RoutingRule) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const createRule = useCreateRoutingRule();
  const updateRule = useUpdateRoutingRule();
  const mutation = rule ? updateRule : createRule;
  const [draft, setDraft] = useState<RuleDraft>(() => (rule ? ruleDraftOf(rule) : emptyRuleDraft()));
  const { serverError, fieldErrors, validate } = useFormErrors(mutation);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const request = ruleRequestOf(draft);
    if (rule) {
      const body = validate(UpdateRoutingRuleRequestSchema, request);
      if (body) updateRule.mutate({ id: rule.id, changes: body }, { onSuccess: onSaved });
    } else {
      const body = validate(CreateRoutingRuleRequestSchema, request);
      if (body) createRule.mutate(body, { onSuccess: onSaved });
    }
  }

  return (
    <form className="form rule-form" onSubmit={submit} noValidate>
      <SaveErrorAlert error={serverError} />
      <RuleFields
        value={draft}
        onChange={(changes) => setDraft((current) => ({ ...current, ...changes }))}
        errors={fieldErrors}
        options={options}
      />
      <DryRunPanel conditions={conditionsOf(draft)} />
      <FormActions
        submitLabel={rule ? t('common.save') : t('care.rules.create')}
        pendingLabel={rule ? t('common.saving') : t('care.creating')}
        pending={mutation.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
