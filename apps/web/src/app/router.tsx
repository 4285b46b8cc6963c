import { createBrowserRouter, Navigate } from 'react-router';
import { paths } from '../config/paths';
import { can } from '../lib/permissions';
import { AppFrame } from './routes/app-frame';
import { InboxIndexRoute, InboxRoute } from './routes/inbox';
import { InsightsRoute } from './routes/insights';
import { NotFoundRoute } from './routes/not-found';
import { RequireRole } from './routes/require-role';
import { RouteError } from './routes/route-error';
import { SettingsLayout } from './routes/settings-layout';
import { SignInRoute } from './routes/sign-in';
import { TeamRoute } from './routes/team';
import { TeamsRoute } from './routes/teams';
import { UsersRoute } from './routes/users';

export function createAppRouter() {
  return createBrowserRouter([
    { path: paths.signIn, element: <SignInRoute />, errorElement: <RouteError /> },
    {
      path: paths.home,
      element: <AppFrame />,
      errorElement: <RouteError />,
      children: [
        { index: true, element: <Navigate to={paths.inbox} replace /> },
        {
          path: 'inbox',
          children: [
            { index: true, element: <InboxIndexRoute /> },
            { path: ':view', element: <InboxRoute /> },
          ],
        },
        {
          path: 'insights',
          element: (
            <RequireRole allow={can.seeInsights}>
              <InsightsRoute />
            </RequireRole>
          ),
        },
        {
          path: 'settings',
          element: (
            <RequireRole allow={can.openSettings}>
              <SettingsLayout />
            </RequireRole>
          ),
          children: [
            { index: true, element: <Navigate to={paths.users} replace /> },
            {
              path: 'users',
              element: (
                <RequireRole allow={can.viewUsers}>
                  <UsersRoute />
                </RequireRole>
              ),
            },
            {
              path: 'teams',
              element: (
                <RequireRole allow={can.manageTeams}>
                  <TeamsRoute />
                </RequireRole>
              ),
            },
            {
              path: 'teams/:teamId',
              element: (
                <RequireRole allow={can.manageTeams}>
                  <TeamRoute />
                </RequireRole>
              ),
            },
          ],
        },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ]);
}
