import {
  PASSWORD_MIN,
  UpdateUserRequestSchema,
  type Locale,
  type Role,
  type UpdateUserRequest,
  type User,
} from '@dengar/contracts';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/dialog';
import { CheckboxField, FormAlert, SelectField, TextField } from '../../../components/form-fields';
import { useT } from '../../../i18n/i18n-provider';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useUpdateUser } from '../api/update-user';
import { userChanges, type UserEditScope } from '../user-changes';
import { LocaleOptions, RoleOptions } from './user-form-options';

export function EditUserDialog({
  user,
  scope,
  onClose,
  onSaved,
}: {
  user: User | null;
  scope: UserEditScope;
  onClose: () => void;
  onSaved?: (user: User) => void;
}) {
  const t = useT();
  return (
    <Dialog open={user != null} onClose={onClose} title={user ? t('users.editTitle', { name: user.name }) : ''}>
      {user && (
        <EditUserForm
          key={user.id}
          user={user}
          scope={scope}
          onCancel={onClose}
          onSaved={(saved) => {
            onClose();
            onSaved?.(saved);
          }}
        />
      )}
    </Dialog>
  );
}

function EditUserForm({
  user,
  scope,
  onSaved,
  onCancel,
}: {
  user: User;
  scope: UserEditScope;
  onSaved: (user: User) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const updateUser = useUpdateUser();
  const [email, setEmail] = useState(user.email);
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<Role>(user.role);
  const [locale, setLocale] = useState<Locale>(user.locale);
  const [capacity, setCapacity] = useState(String(user.capacity));
  const [active, setActive] = useState(user.active);
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  const serverError = isApiError(updateUser.error) ? updateUser.error : null;
  const fieldErrors: FieldErrors = { ...(serverError?.fieldErrors ?? {}), ...clientErrors };
  const full = scope === 'all';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const changes = userChanges(user, { email, name, role, locale, capacity, active, password }, scope);
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    const parsed = UpdateUserRequestSchema.safeParse(changes);
    if (!parsed.success) {
      updateUser.reset();
      setClientErrors(zodFieldErrors(parsed.error, t));
      return;
    }
    setClientErrors({});
    const body: UpdateUserRequest = parsed.data;
    updateUser.mutate({ id: user.id, changes: body }, { onSuccess: onSaved });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      {serverError && (
        <FormAlert>{serverError.hasFieldErrors ? t('errors.formTitle') : errorMessage(serverError, t)}</FormAlert>
      )}
      {full ? (
        <>
          <TextField
            label={t('users.field.name')}
            required
            value={name}
            error={fieldErrors.name}
            onChange={(event) => setName(event.target.value)}
          />
          <TextField
            label={t('users.field.email')}
            type="email"
            spellCheck={false}
            required
            value={email}
            error={fieldErrors.email}
            onChange={(event) => setEmail(event.target.value)}
          />
          <SelectField
            label={t('users.field.role')}
            value={role}
            error={fieldErrors.role}
            onChange={(event) => setRole(event.target.value as Role)}
          >
            <RoleOptions />
          </SelectField>
          <SelectField
            label={t('users.field.locale')}
            value={locale}
            error={fieldErrors.locale}
            onChange={(event) => setLocale(event.target.value as Locale)}
          >
            <LocaleOptions />
          </SelectField>
        </>
      ) : (
        <dl className="summary">
          <dt>{t('users.field.email')}</dt>
          <dd>{user.email}</dd>
          <dt>{t('users.field.role')}</dt>
          <dd>{t(`role.${user.role}`)}</dd>
        </dl>
      )}
      <TextField
        label={t('users.field.capacity')}
        type="number"
        inputMode="numeric"
        min={0}
        max={1000}
        step={1}
        required
        value={capacity}
        hint={t('users.hint.capacity')}
        error={fieldErrors.capacity}
        onChange={(event) => setCapacity(event.target.value)}
      />
      {full && (
        <>
          <CheckboxField
            label={t('users.field.active')}
            checked={active}
            hint={t('users.hint.active')}
            error={fieldErrors.active}
            onChange={(event) => setActive(event.target.checked)}
          />
          <TextField
            label={t('users.field.newPassword')}
            type="password"
            autoComplete="new-password"
            value={password}
            hint={`${t('users.hint.newPassword')} ${t('users.hint.password', { min: PASSWORD_MIN })}`}
            error={fieldErrors.password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </>
      )}
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={updateUser.isPending}>
          {updateUser.isPending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
