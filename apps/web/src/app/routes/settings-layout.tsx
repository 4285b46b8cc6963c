import { NavLink, Outlet } from 'react-router';
import { paths } from '../../config/paths';
import { useT } from '../../i18n/i18n-provider';
import { can } from '../../lib/permissions';
import { useCurrentUser } from '../current-user';

export function SettingsLayout() {
  const t = useT();
  const user = useCurrentUser();
  return (
    <div className="page settings">
      <h1 className="page-title">{t('settings.title')}</h1>
      <div className="settings__body">
        <nav className="settings__nav" aria-label={t('settings.sections')}>
          <ul>
            {can.viewUsers(user.role) && (
              <li>
                <NavLink to={paths.users}>{t('settings.users')}</NavLink>
              </li>
            )}
            {can.manageTeams(user.role) && (
              <li>
                <NavLink to={paths.teams}>{t('settings.teams')}</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="settings__content">
          <Outlet />
        </div>
      </div>
    </div>
  );
}
