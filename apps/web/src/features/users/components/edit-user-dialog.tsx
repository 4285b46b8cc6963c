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
import { CheckboxField, FormActions, SaveErrorAlert, TextField } from '../../../components/form-fields';
import { useT } from '../../../i18n/i18n-provider';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useUpdateUser } from '../api/update-user';
import { userChanges, type UserEditScope } from '../user-changes';
import { LocaleField, RoleField } from './user-fields';

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
  const { serverError, fieldErrors, validate } = useFormErrors(updateUser);
  const full = scope === 'all';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const changes = userChanges(user, { email, name, role, locale, capacity, active, password }, scope);
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    const body: UpdateUserRequest | null = validate(UpdateUserRequestSchema, changes);
    if (body) updateUser.mutate({ id: user.id, changes: body }, { onSuccess: onSaved });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <SaveErrorAlert error={serverError} />
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
          <RoleField value={role} error={fieldErrors.role} onChange={setRole} />
          <LocaleField value={locale} error={fieldErrors.locale} onChange={setLocale} />
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
      <FormActions
        submitLabel={t('common.save')}
        pendingLabel={t('common.saving')}
        pending={updateUser.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
