import { NavLink, Outlet } from 'react-router';
import { paths } from '../../config/paths';
import { useT } from '../../i18n/i18n-provider';
import { can } from '../../lib/permissions';
import { useCurrentUser } from '../current-user';
import { listeningAccess } from './listening-access';
import { listeningPaths } from './listening-paths';

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
            {can.manageCare(user.role) && (
              <>
                <li>
                  <NavLink to={paths.routingRules}>{t('care.nav.routing')}</NavLink>
                </li>
                <li>
                  <NavLink to={paths.sla}>{t('care.nav.sla')}</NavLink>
                </li>
                <li>
                  <NavLink to={paths.tags}>{t('care.nav.tags')}</NavLink>
                </li>
                <li>
                  <NavLink to={paths.cannedResponses}>{t('care.nav.canned')}</NavLink>
                </li>
                <li>
                  <NavLink to={paths.workload}>{t('care.nav.workload')}</NavLink>
                </li>
              </>
            )}
            {listeningAccess.viewListeningSettings(user.role) && (
              <>
                <li>
                  <NavLink to={listeningPaths.brands}>{t('settings.brands')}</NavLink>
                </li>
                <li>
                  <NavLink to={listeningPaths.campaigns}>{t('settings.campaigns')}</NavLink>
                </li>
                <li>
                  <NavLink to={listeningPaths.sources}>{t('settings.sources')}</NavLink>
                </li>
              </>
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
