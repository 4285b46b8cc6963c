import type { Availability, Locale, MeResponse, User } from '@dengar/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useEffectEvent } from 'react';
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { ConnectionIndicator } from '../../components/connection-indicator';
import { setDisplayTimeZone } from '../../components/date-time';
import { Pane, PaneError } from '../../components/error-boundary';
import { LanguageSelect } from '../../components/language-select';
import { Loading } from '../../components/loading';
import { paths } from '../../config/paths';
import { authKeys } from '../../features/auth/api/auth-keys';
import { forgetSession } from '../../features/auth/api/forget-session';
import { useMe } from '../../features/auth/api/get-me';
import { useLogout } from '../../features/auth/api/logout';
import { useUpdateMe } from '../../features/auth/api/update-me';
import { settingsQueryOptions } from '../../features/workspace-settings/api/get-settings';
import { useSetAvailability } from '../../features/availability/api/set-availability';
import { AvailabilitySelect } from '../../features/availability/components/availability-select';
import { useOwnAvailabilityEvents } from '../../features/availability/hooks/use-own-availability-events';
import { NotificationBell } from '../../features/notifications/components/notification-bell';
import { useLocale, useT } from '../../i18n/i18n-provider';
import { can } from '../../lib/permissions';
import { realtime, useConnectionState } from '../../lib/socket';
import { pushToast } from '../../lib/toast-store';
import { CurrentUserContext } from '../current-user';
import { listeningPaths } from './listening-paths';

/** Everything behind sign-in: asks who is signed in, and sends anyone who is not to the sign-in page. */
export function AppFrame() {
  const me = useMe();
  const location = useLocation();

  if (me.isPending) {
    return (
      <div className="full-page">
        <Loading />
      </div>
    );
  }
  if (me.isError) {
    return (
      <div className="full-page">
        <PaneError error={me.error} onRetry={() => void me.refetch()} />
      </div>
    );
  }
  if (me.data == null) {
    const next = `${location.pathname}${location.search}`;
    const target = next === '/' ? paths.signIn : `${paths.signIn}?next=${encodeURIComponent(next)}`;
    return <Navigate to={target} replace />;
  }
  return <SignedInFrame user={me.data.user} />;
}

/** The person's own language follows them from browser to browser (`PATCH /api/auth/me {locale}`). */
function useUserLocale(user: User): { locale: Locale; changeLocale: (locale: Locale) => void } {
  const { locale, setLocale } = useLocale();
  const updateMe = useUpdateMe();

  useEffect(() => {
    setLocale(user.locale);
  }, [user.locale, setLocale]);

  function changeLocale(next: Locale) {
    setLocale(next);
    updateMe.mutate({ locale: next }, { onError: () => setLocale(user.locale) });
  }
  return { locale, changeLocale };
}

/**
 * The person's availability lives on their `me` record: the switch writes it (optimistically), and changes made
 * elsewhere — another tab, or the system setting `offline` — arrive as `presence.updated`.
 */
function useOwnAvailability(user: User): {
  availability: Availability;
  change: (next: Availability) => void;
  pending: boolean;
} {
  const queryClient = useQueryClient();
  const t = useT();
  const put = (availability: Availability) =>
    queryClient.setQueryData<MeResponse | null>(authKeys.me(), (me) =>
      me ? { ...me, user: { ...me.user, availability } } : me,
    );
  const mutation = useSetAvailability({
    current: user.availability,
    show: put,
    onError: () => pushToast('error', t('header.availability.failed')),
  });
  useOwnAvailabilityEvents(user.id, put);
  return { availability: user.availability, change: (next) => mutation.mutate(next), pending: mutation.isPending };
}

/** Dates show in the workspace time zone (SPEC §8/§9 days and hours are the workspace's). */
function useWorkspaceTimeZone() {
  const settings = useQuery(settingsQueryOptions());
  const timeZone = settings.data?.timezone;
  useEffect(() => {
    setDisplayTimeZone(timeZone);
  }, [timeZone]);
}

/** One socket per signed-in person: opened with the frame, closed when they sign out or the session ends. */
function useRealtimeSession(userId: string) {
  const queryClient = useQueryClient();
  const t = useT();

  const onStale = useEffectEvent(() => {
    // Missed events could not be replayed (too long away, or no position known): refetch what is on screen.
    void queryClient.invalidateQueries();
  });
  const onCaughtUp = useEffectEvent(() => {
    // The replay updated the cached data events describe; what is on screen refetches for the rest.
    void queryClient.refetchQueries({ type: 'active' });
  });
  const onSessionEnded = useEffectEvent((reason: 'logout' | 'revoked' | 'expired' | 'deactivated') => {
    realtime.disconnect();
    forgetSession(queryClient);
    pushToast('info', t(`signIn.ended.${reason}`));
  });
  const onRejected = useEffectEvent(() => {
    // The handshake was refused: if the session is gone, `me` answers null and the frame sends us to sign in.
    void queryClient.invalidateQueries({ queryKey: authKeys.me() });
  });

  useEffect(() => {
    realtime.connect({
      onStale: () => onStale(),
      onCaughtUp: () => onCaughtUp(),
      onSessionEnded: (reason) => onSessionEnded(reason),
      onRejected: () => onRejected(),
    });
    return () => realtime.disconnect();
  }, [userId]);
}

function SignedInFrame({ user }: { user: User }) {
  useWorkspaceTimeZone();
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const connection = useConnectionState();
  const { locale, changeLocale } = useUserLocale(user);
  const availability = useOwnAvailability(user);
  useRealtimeSession(user.id);

  function signOut() {
    realtime.disconnect();
    logout.mutate(undefined, { onSettled: () => void navigate(paths.signIn, { replace: true }) });
  }

  return (
    <CurrentUserContext value={user}>
      <div className="app">
        <a href="#main" className="skip-link">
          {t('app.skipToContent')}
        </a>
        <header className="app-header">
          <Link to={paths.inbox} className="brand">
            <img src="/favicon.svg" alt="" width="28" height="28" />
            <span className="brand-name">{t('app.name')}</span>
          </Link>
          <nav className="main-nav" aria-label={t('nav.main')}>
            <ul>
              <li>
                <NavLink to={paths.inbox}>{t('nav.inbox')}</NavLink>
              </li>
              <li>
                <NavLink to={listeningPaths.mentions}>{t('nav.mentions')}</NavLink>
              </li>
              {can.seeInsights(user.role) && (
                <li>
                  <NavLink to={paths.insights}>{t('nav.insights')}</NavLink>
                </li>
              )}
              {can.openSettings(user.role) && (
                <li>
                  <NavLink to={paths.settings}>{t('nav.settings')}</NavLink>
                </li>
              )}
            </ul>
          </nav>
          <div className="app-header__tools">
            <ConnectionIndicator state={connection} />
            <AvailabilitySelect
              value={availability.availability}
              onChange={availability.change}
              pending={availability.pending}
            />
            <NotificationBell />
            <LanguageSelect value={locale} onChange={changeLocale} />
            <div className="account" aria-label={t('frame.account')} role="group">
              <span className="account__name">{user.name}</span>
              <span className="account__role">{t(`role.${user.role}`)}</span>
            </div>
            <button type="button" className="button" onClick={signOut} disabled={logout.isPending}>
              {logout.isPending ? t('frame.signingOut') : t('frame.signOut')}
            </button>
          </div>
        </header>
        <main id="main" className="app-main" tabIndex={-1}>
          <Pane resetKey={location.pathname}>
            <Outlet />
          </Pane>
        </main>
      </div>
    </CurrentUserContext>
  );
}
