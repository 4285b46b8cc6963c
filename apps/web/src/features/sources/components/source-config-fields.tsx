import type { SourceKind } from '@dengar/contracts';
import { CheckboxField, SelectField, TextField } from '../../../components/form-fields';
import { TermListField, termListError } from '../../../components/term-list-field';
import type { MessageKey } from '../../../i18n/dictionaries';
import { useT } from '../../../i18n/i18n-provider';
import type { FieldErrors } from '../../../lib/form-errors';
import { configFields, type ConfigDraft, type ConfigField } from '../source-config';

const LABELS: Record<string, MessageKey> = {
  baseUrl: 'sources.config.baseUrl',
  authUrl: 'sources.config.authUrl',
  accessToken: 'sources.config.accessToken',
  mode: 'sources.config.mode',
  query: 'sources.config.query',
  identifier: 'sources.config.identifier',
  appPassword: 'sources.config.appPassword',
  clientId: 'sources.config.clientId',
  clientSecret: 'sources.config.clientSecret',
  username: 'sources.config.username',
  password: 'sources.config.password',
  subreddits: 'sources.config.subreddits',
  bearerToken: 'sources.config.bearerToken',
  userId: 'sources.config.userId',
  userAccessToken: 'sources.config.userAccessToken',
  userRefreshToken: 'sources.config.userRefreshToken',
  url: 'sources.config.url',
  allowPrivateReplyUrls: 'sources.config.allowPrivateReplyUrls',
  ratePerMinute: 'sources.config.ratePerMinute',
};

const HINTS: Record<string, MessageKey> = {
  mode: 'sources.configHint.mode',
  query: 'sources.configHint.query',
  subreddits: 'sources.configHint.subreddits',
  userId: 'sources.configHint.userId',
  username: 'sources.configHint.username',
  allowPrivateReplyUrls: 'sources.configHint.allowPrivateReplyUrls',
  ratePerMinute: 'sources.configHint.ratePerMinute',
};

const MODE_LABELS: Record<string, MessageKey> = {
  notifications: 'sources.mode.notifications',
  search: 'sources.mode.search',
};

/**
 * The config form of one kind, built from the contract's schema. Credentials are password inputs that are
 * never filled in: `secretsSet` says which are stored, and one left empty keeps its value.
 */
export function SourceConfigFields({
  kind,
  value,
  onChange,
  errors,
  secretsSet = [],
}: {
  kind: SourceKind;
  value: ConfigDraft;
  /** Called with the keys that changed; the form merges them into its latest draft. */
  onChange: (changes: ConfigDraft) => void;
  errors: FieldErrors;
  secretsSet?: readonly string[];
}) {
  const t = useT();
  const label = (field: ConfigField) => {
    const key = LABELS[field.key];
    return key ? t(key) : field.key;
  };
  const hint = (field: ConfigField) => {
    const key = HINTS[field.key];
    return key ? t(key) : undefined;
  };
  const set = (key: string, next: ConfigDraft[string]) => onChange({ [key]: next });

  return (
    <>
      {configFields(kind).map((field) => {
        const error = errors[`config.${field.key}`];
        const current = value[field.key];
        switch (field.input) {
          case 'checkbox':
            return (
              <CheckboxField
                key={field.key}
                label={label(field)}
                checked={current === true}
                hint={hint(field)}
                error={error}
                onChange={(event) => set(field.key, event.target.checked)}
              />
            );
          case 'select':
            return (
              <SelectField
                key={field.key}
                label={label(field)}
                value={typeof current === 'string' ? current : ''}
                hint={hint(field)}
                error={error}
                onChange={(event) => set(field.key, event.target.value)}
              >
                {field.options.map((option) => {
                  const optionKey = MODE_LABELS[option];
                  return (
                    <option key={option} value={option}>
                      {optionKey ? t(optionKey) : option}
                    </option>
                  );
                })}
              </SelectField>
            );
          case 'list':
            return (
              <TermListField
                key={field.key}
                label={label(field)}
                value={Array.isArray(current) ? current : []}
                hint={hint(field)}
                error={termListError(errors, `config.${field.key}`)}
                onChange={(terms) => set(field.key, terms)}
              />
            );
          case 'secret': {
            const stored = secretsSet.includes(field.key);
            return (
              <TextField
                key={field.key}
                label={label(field)}
                type="password"
                autoComplete="new-password"
                spellCheck={false}
                required={field.required && !stored}
                value={typeof current === 'string' ? current : ''}
                placeholder={stored ? t('sources.secretSetPlaceholder') : undefined}
                hint={stored ? t('sources.secretSet') : hint(field)}
                error={error}
                onChange={(event) => set(field.key, event.target.value)}
              />
            );
          }
          case 'number':
          case 'url':
          case 'text':
            return (
              <TextField
                key={field.key}
                label={label(field)}
                type={field.input === 'number' ? 'number' : field.input === 'url' ? 'url' : 'text'}
                inputMode={field.input === 'number' ? 'numeric' : undefined}
                autoComplete="off"
                spellCheck={false}
                required={field.required}
                value={typeof current === 'string' ? current : ''}
                hint={hint(field)}
                error={error}
                onChange={(event) => set(field.key, event.target.value)}
              />
            );
        }
      })}
    </>
  );
}
