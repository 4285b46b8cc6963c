/** Every route's URL in one place, so links and redirects cannot drift from the router. */
export const paths = {
  home: '/',
  signIn: '/sign-in',
  inbox: '/inbox',
  inboxView: (view: string) => `/inbox/${view}`,
  insights: '/insights',
  settings: '/settings',
  users: '/settings/users',
  teams: '/settings/teams',
  team: (id: string) => `/settings/teams/${id}`,
} as const;
