import {
  BRAND_KINDS,
  MENTION_TYPES,
  SENTIMENT_LABELS,
  SOURCE_KINDS,
  TICKET_PRIORITIES,
  type BrandKind,
  type SourceKind,
  type TicketPriority,
} from '@dengar/contracts';
import { CheckboxField, SelectField, TextField } from '../../../components/form-fields';
import { TermListField, termListError } from '../../../components/term-list-field';
import { useT } from '../../../i18n/i18n-provider';
import type { FieldErrors } from '../../../lib/form-errors';
import { toggle, type Either, type RuleDraft } from '../rule-draft';
import { CheckboxGroup } from './checkbox-group';

/** What a rule can route to or filter by; the screen supplies them (they belong to other features). */
export interface RuleOptions {
  teams: { id: string; name: string }[];
  tags: { id: string; name: string }[];
  sources: { id: string; name: string; kind: SourceKind }[];
}

/** The first error at `key` or under it (`conditions.keywords` or `conditions.keywords.any.0`). */
function errorUnder(errors: FieldErrors, key: string): string | undefined {
  return termListError(errors, key);
}

export function RuleFields({
  value,
  onChange,
  errors,
  options,
}: {
  value: RuleDraft;
  onChange: (changes: Partial<RuleDraft>) => void;
  errors: FieldErrors;
  options: RuleOptions;
}) {
  const t = useT();
  const sourceIds = options.sources.map((source) => source.id);
  const tagIds = options.tags.map((tag) => tag.id);
  return (
    <>
      <TextField
        label={t('care.rules.field.name')}
        autoComplete="off"
        required
        value={value.name}
        error={errors.name}
        onChange={(event) => onChange({ name: event.target.value })}
      />
      <CheckboxField
        label={t('care.rules.field.enabled')}
        checked={value.enabled}
        onChange={(event) => onChange({ enabled: event.target.checked })}
      />

      <fieldset className="rule-section">
        <legend>{t('care.rules.conditions')}</legend>
        <p className="field__hint">{t('care.rules.conditionsHint')}</p>
        <CheckboxGroup
          legend={t('care.rules.field.sourceKinds')}
          choices={SOURCE_KINDS.map((kind) => ({ value: kind, label: t(`sources.kind.${kind}`) }))}
          value={value.sourceKinds}
          error={errorUnder(errors, 'conditions.sourceKinds')}
          onChange={(kind, on) => onChange({ sourceKinds: toggle(value.sourceKinds, kind, on, SOURCE_KINDS) })}
        />
        {options.sources.length > 0 && (
          <CheckboxGroup
            legend={t('care.rules.field.sources')}
            choices={options.sources.map((source) => ({ value: source.id, label: source.name }))}
            value={value.sourceIds}
            error={errorUnder(errors, 'conditions.sourceIds')}
            onChange={(id, on) => onChange({ sourceIds: toggle(value.sourceIds, id, on, sourceIds) })}
          />
        )}
        <SelectField
          label={t('care.rules.field.brandKind')}
          value={value.brandKind}
          hint={t('care.rules.hint.brandKind')}
          error={errors['conditions.brandKind']}
          onChange={(event) => onChange({ brandKind: event.target.value as '' | BrandKind })}
        >
          <option value="">{t('care.rules.any')}</option>
          {BRAND_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`brands.kind.${kind}`)}
            </option>
          ))}
        </SelectField>
        <TermListField
          label={t('care.rules.field.languages')}
          hint={t('care.rules.hint.languages')}
          value={value.languages}
          error={errorUnder(errors, 'conditions.languages')}
          onChange={(languages) => onChange({ languages })}
        />
        <CheckboxGroup
          legend={t('care.rules.field.sentiments')}
          choices={SENTIMENT_LABELS.map((label) => ({ value: label, label: t(`mentions.sentiment.${label}`) }))}
          value={value.sentiments}
          error={errorUnder(errors, 'conditions.sentiments')}
          onChange={(label, on) => onChange({ sentiments: toggle(value.sentiments, label, on, SENTIMENT_LABELS) })}
        />
        <CheckboxGroup
          legend={t('care.rules.field.types')}
          choices={MENTION_TYPES.map((type) => ({ value: type, label: t(`mentions.type.${type}`) }))}
          value={value.types}
          error={errorUnder(errors, 'conditions.types')}
          onChange={(type, on) => onChange({ types: toggle(value.types, type, on, MENTION_TYPES) })}
        />
        <TermListField
          label={t('care.rules.field.keywordsAny')}
          hint={t('care.rules.hint.keywords')}
          value={value.keywordsAny}
          error={errorUnder(errors, 'conditions.keywords.any')}
          onChange={(keywordsAny) => onChange({ keywordsAny })}
        />
        <TermListField
          label={t('care.rules.field.keywordsAll')}
          value={value.keywordsAll}
          error={errorUnder(errors, 'conditions.keywords.all')}
          onChange={(keywordsAll) => onChange({ keywordsAll })}
        />
        <TermListField
          label={t('care.rules.field.keywordsNone')}
          value={value.keywordsNone}
          error={errorUnder(errors, 'conditions.keywords.none') ?? errors['conditions.keywords']}
          onChange={(keywordsNone) => onChange({ keywordsNone })}
        />
        <TextField
          label={t('care.rules.field.minInfluence')}
          hint={t('care.rules.hint.minInfluence')}
          inputMode="numeric"
          autoComplete="off"
          value={value.minInfluence}
          error={errors['conditions.minInfluence']}
          onChange={(event) => onChange({ minInfluence: event.target.value })}
        />
        <SelectField
          label={t('care.rules.field.verified')}
          value={value.verified}
          error={errors['conditions.verified']}
          onChange={(event) => onChange({ verified: event.target.value as Either })}
        >
          <option value="">{t('care.rules.any')}</option>
          <option value="yes">{t('care.rules.verifiedYes')}</option>
          <option value="no">{t('care.rules.verifiedNo')}</option>
        </SelectField>
      </fieldset>

      <fieldset className="rule-section">
        <legend>{t('care.rules.actions')}</legend>
        <p className="field__hint">{t('care.rules.actionsHint')}</p>
        {errors.actions && (
          <p className="field__error" role="alert">
            {t('care.rules.needAction')}
          </p>
        )}
        <SelectField
          label={t('care.rules.field.team')}
          value={value.teamId}
          error={errors['actions.teamId']}
          onChange={(event) => onChange({ teamId: event.target.value })}
        >
          <option value="">{t('care.rules.noChange')}</option>
          {options.teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('care.rules.field.priority')}
          value={value.priority}
          error={errors['actions.priority']}
          onChange={(event) => onChange({ priority: event.target.value as '' | TicketPriority })}
        >
          <option value="">{t('care.rules.noChange')}</option>
          {TICKET_PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {t(`care.priority.${priority}`)}
            </option>
          ))}
        </SelectField>
        {options.tags.length > 0 && (
          <CheckboxGroup
            legend={t('care.rules.field.tags')}
            choices={options.tags.map((tag) => ({ value: tag.id, label: tag.name }))}
            value={value.tagIds}
            error={errorUnder(errors, 'actions.tagIds')}
            onChange={(id, on) => onChange({ tagIds: toggle(value.tagIds, id, on, tagIds) })}
          />
        )}
        <CheckboxField
          label={t('care.rules.field.markSpam')}
          checked={value.markSpam}
          error={errors['actions.markSpam']}
          onChange={(event) => onChange({ markSpam: event.target.checked })}
        />
        <CheckboxField
          label={t('care.rules.field.skip')}
          hint={t('care.rules.hint.skip')}
          checked={value.skip}
          error={errors['actions.skip']}
          onChange={(event) => onChange({ skip: event.target.checked })}
        />
      </fieldset>
    </>
  );
}
