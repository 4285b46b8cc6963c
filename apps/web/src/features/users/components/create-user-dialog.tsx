import { CreateUserRequestSchema, PASSWORD_MIN, type Locale, type Role, type User } from '@dengar/contracts';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/dialog';
import { FormAlert, SelectField, TextField } from '../../../components/form-fields';
import { useLocale, useT } from '../../../i18n/i18n-provider';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useCreateUser } from '../api/create-user';
import { LocaleOptions, RoleOptions } from './user-form-options';

export function CreateUserButton({ onCreated }: { onCreated?: (user: User) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button--primary" onClick={() => setOpen(true)}>
        {t('users.new')}
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('users.createTitle')}>
        <CreateUserForm
          onCancel={() => setOpen(false)}
          onCreated={(user) => {
            setOpen(false);
            onCreated?.(user);
          }}
        />
      </Dialog>
    </>
  );
}

function CreateUserForm({ onCreated, onCancel }: { onCreated: (user: User) => void; onCancel: () => void }) {
  const t = useT();
  const { locale: uiLocale } = useLocale();
  const createUser = useCreateUser();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [password, setPassword] = useState('');
  const [locale, setLocale] = useState<Locale>(uiLocale);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  const serverError = isApiError(createUser.error) ? createUser.error : null;
  const fieldErrors: FieldErrors = { ...(serverError?.fieldErrors ?? {}), ...clientErrors };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = CreateUserRequestSchema.safeParse({ email: email.trim(), name, role, password, locale });
    if (!parsed.success) {
      createUser.reset();
      setClientErrors(zodFieldErrors(parsed.error, t));
      return;
    }
    setClientErrors({});
    createUser.mutate(parsed.data, { onSuccess: onCreated });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      {serverError && (
        <FormAlert>{serverError.hasFieldErrors ? t('errors.formTitle') : errorMessage(serverError, t)}</FormAlert>
      )}
      <TextField
        label={t('users.field.email')}
        type="email"
        autoComplete="off"
        spellCheck={false}
        required
        value={email}
        error={fieldErrors.email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <TextField
        label={t('users.field.name')}
        autoComplete="off"
        required
        value={name}
        error={fieldErrors.name}
        onChange={(event) => setName(event.target.value)}
      />
      <SelectField
        label={t('users.field.role')}
        value={role}
        error={fieldErrors.role}
        onChange={(event) => setRole(event.target.value as Role)}
      >
        <RoleOptions />
      </SelectField>
      <TextField
        label={t('users.field.password')}
        type="password"
        autoComplete="new-password"
        required
        value={password}
        hint={t('users.hint.password', { min: PASSWORD_MIN })}
        error={fieldErrors.password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <SelectField
        label={t('users.field.locale')}
        value={locale}
        error={fieldErrors.locale}
        onChange={(event) => setLocale(event.target.value as Locale)}
      >
        <LocaleOptions />
      </SelectField>
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={createUser.isPending}>
          {createUser.isPending ? t('users.creating') : t('users.create')}
        </button>
      </div>
    </form>
  );
}
