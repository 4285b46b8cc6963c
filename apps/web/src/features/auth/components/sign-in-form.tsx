import { LoginRequestSchema, type User } from '@dengar/contracts';
import { useState, type FormEvent } from 'react';
import { FormAlert, TextField } from '../../../components/form-fields';
import { useT } from '../../../i18n/i18n-provider';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useLogin } from '../api/login';
import { loginFailureMessage } from '../login-failure';

export function SignInForm({ onSignedIn }: { onSignedIn: (user: User) => void }) {
  const t = useT();
  const loginMutation = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { fieldErrors, validate } = useFormErrors(loginMutation);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = validate(LoginRequestSchema, { email: email.trim(), password });
    if (body) loginMutation.mutate(body, { onSuccess: ({ user }) => onSignedIn(user) });
  }

  return (
    <form className="sign-in-form" onSubmit={submit} noValidate>
      {loginMutation.isError && <FormAlert>{loginFailureMessage(loginMutation.error, t)}</FormAlert>}
      <TextField
        label={t('signIn.email')}
        name="email"
        type="email"
        autoComplete="username"
        inputMode="email"
        spellCheck={false}
        required
        value={email}
        error={fieldErrors.email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <TextField
        label={t('signIn.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        error={fieldErrors.password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <button type="submit" className="button button--primary button--block" disabled={loginMutation.isPending}>
        {loginMutation.isPending ? t('signIn.submitting') : t('signIn.submit')}
      </button>
    </form>
  );
}
