import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LanguageSelect } from '../../components/language-select';
import { paths } from '../../config/paths';
import { useMe } from '../../features/auth/api/get-me';
import { SignInForm } from '../../features/auth/components/sign-in-form';
import { useLocale, useT } from '../../i18n/i18n-provider';
import { safeNextPath } from '../../lib/safe-next-path';
import { useDocumentTitle } from '../../lib/use-document-title';

export function SignInRoute() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe();
  const next = safeNextPath(params.get('next'), paths.inbox, paths.signIn);
  useDocumentTitle(t('signIn.submit'));

  // Already signed in (a bookmark, the back button): straight to work.
  if (me.data) return <Navigate to={next} replace />;

  return (
    <div className="sign-in-page">
      <main id="main" className="sign-in-card">
        <div className="sign-in-card__brand">
          <img src="/favicon.svg" alt="" width="40" height="40" />
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <h1 className="sign-in-card__title">{t('signIn.title')}</h1>
        <p className="muted">{t('app.tagline')}</p>
        <SignInForm onSignedIn={() => void navigate(next, { replace: true })} />
      </main>
      <footer className="sign-in-page__footer">
        <LanguageSelect value={locale} onChange={setLocale} />
      </footer>
    </div>
  );
}
