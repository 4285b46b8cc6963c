import type { Role } from '@dengar/contracts';
import type { ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { Loading } from '../components/loading';
import { paths } from '../config/paths';
import { can } from '../lib/permissions';
import { AppFrame } from './routes/app-frame';
import { InboxIndexRoute, InboxRoute } from './routes/inbox';
import { listeningAccess } from './routes/listening-access';
import { NotFoundRoute } from './routes/not-found';
import { RequireRole } from './routes/require-role';
import { RouteError } from './routes/route-error';
import { SignInRoute } from './routes/sign-in';

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
            { path: ':view/:ticketId', element: <InboxRoute /> },
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
          // Insights and settings load on demand: the inbox is what opens first, and it stays small.
          path: 'insights',
          lazy: async () => {
            const { InsightsRoute } = await import('./routes/insights');
            return {
              element: (
                <RequireRole allow={can.seeInsights}>
                  <InsightsRoute />
                </RequireRole>
              ),
            };
          },
        },
        {
          path: 'settings',
          lazy: async () => {
            const { SettingsLayout } = await import('./routes/settings-layout');
            return {
              element: (
                <RequireRole allow={can.openSettings}>
                  <SettingsLayout />
                </RequireRole>
              ),
            };
          },
          children: [
            { index: true, element: <Navigate to={paths.users} replace /> },
            {
              path: 'users',
              lazy: async () => {
                const { UsersRoute } = await import('./routes/users');
                return { element: guard(can.viewUsers, <UsersRoute />) };
              },
            },
            {
              path: 'teams',
              lazy: async () => {
                const { TeamsRoute } = await import('./routes/teams');
                return { element: guard(can.manageTeams, <TeamsRoute />) };
              },
            },
            {
              path: 'teams/:teamId',
              lazy: async () => {
                const { TeamRoute } = await import('./routes/team');
                return { element: guard(can.manageTeams, <TeamRoute />) };
              },
            },
            ...careSettingsRoutes(),
            // The listening settings load on first use: most sessions never open them.
            {
              path: 'brands',
              lazy: async () => {
                const { BrandsRoute } = await import('./routes/brands');
                return { element: guard(listeningAccess.viewListeningSettings, <BrandsRoute />) };
              },
            },
            {
              path: 'campaigns',
              lazy: async () => {
                const { CampaignsRoute } = await import('./routes/campaigns');
                return { element: guard(listeningAccess.viewListeningSettings, <CampaignsRoute />) };
              },
            },
            {
              path: 'sources',
              lazy: async () => {
                const { SourcesRoute } = await import('./routes/sources');
                return { element: guard(listeningAccess.viewListeningSettings, <SourcesRoute />) };
              },
            },
          ],
        },
        { path: '*', element: <NotFoundRoute /> },
      ],
    },
  ]);
}

function guard(allow: (role: Role) => boolean, element: ReactNode): ReactNode {
  return <RequireRole allow={allow}>{element}</RequireRole>;
}

/** Routing rules, SLA, tags, canned responses and workload: managers and admins (SPEC §1). */
function careSettingsRoutes() {
  const screens = {
    routing: 'RoutingRulesRoute',
    sla: 'SlaRoute',
    tags: 'TagsRoute',
    'canned-responses': 'CannedResponsesRoute',
    workload: 'WorkloadRoute',
  } as const;
  return Object.entries(screens).map(([path, name]) => ({
    path,
    lazy: async () => {
      const Screen = (await import('./routes/care-settings'))[name];
      return { element: guard(can.manageCare, <Screen />) };
    },
  }));
}
