/** Every route's URL in one place, so links and redirects cannot drift from the router. */
export const paths = {
  home: '/',
  signIn: '/sign-in',
  inbox: '/inbox',
  inboxView: (view: string) => `/inbox/${view}`,
  inboxTicket: (view: string, ticketId: string) => `/inbox/${view}/${ticketId}`,
  insights: '/insights',
  settings: '/settings',
  users: '/settings/users',
  teams: '/settings/teams',
  team: (id: string) => `/settings/teams/${id}`,
  routingRules: '/settings/routing',
  sla: '/settings/sla',
  tags: '/settings/tags',
  cannedResponses: '/settings/canned-responses',
  workload: '/settings/workload',
} as const;
