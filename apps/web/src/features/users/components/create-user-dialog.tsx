import { CreateUserRequestSchema, PASSWORD_MIN, type Locale, type Role, type User } from '@dengar/contracts';
import { useState, type FormEvent } from 'react';
import { DialogButton } from '../../../components/dialog';
import { FormActions, SaveErrorAlert, TextField } from '../../../components/form-fields';
import { useLocale, useT } from '../../../i18n/i18n-provider';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useCreateUser } from '../api/create-user';
import { LocaleField, RoleField } from './user-fields';

export function CreateUserButton({ onCreated }: { onCreated?: (user: User) => void }) {
  const t = useT();
  return (
    <DialogButton label={t('users.new')} title={t('users.createTitle')}>
      {(close) => (
        <CreateUserForm
          onCancel={close}
          onCreated={(user) => {
            close();
            onCreated?.(user);
          }}
        />
      )}
    </DialogButton>
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
  const { serverError, fieldErrors, validate } = useFormErrors(createUser);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = validate(CreateUserRequestSchema, { email: email.trim(), name, role, password, locale });
    if (body) createUser.mutate(body, { onSuccess: onCreated });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <SaveErrorAlert error={serverError} />
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
      <RoleField value={role} error={fieldErrors.role} onChange={setRole} />
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
      <LocaleField value={locale} error={fieldErrors.locale} onChange={setLocale} />
      <FormActions
        submitLabel={t('users.create')}
        pendingLabel={t('users.creating')}
        pending={createUser.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
