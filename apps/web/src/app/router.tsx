import { createBrowserRouter, Navigate } from 'react-router';
import { Loading } from '../components/loading';
import { paths } from '../config/paths';
import { can } from '../lib/permissions';
import { AppFrame } from './routes/app-frame';
import { InboxIndexRoute, InboxRoute } from './routes/inbox';
import { InsightsRoute } from './routes/insights';
import { listeningAccess } from './routes/listening-access';
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
      // Shown while a lazily loaded screen opened by address arrives.
      hydrateFallbackElement: (
        <div className="full-page">
          <Loading />
        </div>
      ),
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
          // Everyone listens; the API shows agents only their tickets' mentions.
          path: 'mentions',
          children: [
            {
              index: true,
              lazy: async () => {
                const { MentionsRoute } = await import('./routes/mentions');
                return { element: <MentionsRoute /> };
              },
            },
            {
              path: 'spam',
              lazy: async () => {
                const { SpamRoute } = await import('./routes/mentions');
                return {
                  element: (
                    <RequireRole allow={listeningAccess.judgeSpam}>
                      <SpamRoute />
                    </RequireRole>
                  ),
                };
              },
            },
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
            // The listening settings load on first use: most sessions never open them.
            {
              path: 'brands',
              lazy: async () => {
                const { BrandsRoute } = await import('./routes/brands');
                return {
                  element: (
                    <RequireRole allow={listeningAccess.viewListeningSettings}>
                      <BrandsRoute />
                    </RequireRole>
                  ),
                };
              },
            },
            {
              path: 'campaigns',
              lazy: async () => {
                const { CampaignsRoute } = await import('./routes/campaigns');
                return {
                  element: (
                    <RequireRole allow={listeningAccess.viewListeningSettings}>
                      <CampaignsRoute />
                    </RequireRole>
                  ),
                };
              },
            },
            {
              path: 'sources',
              lazy: async () => {
                const { SourcesRoute } = await import('./routes/sources');
                return {
                  element: (
                    <RequireRole allow={listeningAccess.viewListeningSettings}>
                      <SourcesRoute />
                    </RequireRole>
                  ),
                };
              },
            },
          ],
        },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ]);
}
