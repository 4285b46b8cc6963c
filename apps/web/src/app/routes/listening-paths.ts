/** The listening screens' URLs (kept beside config/paths.ts's, which this issue does not own). */
export const listeningPaths = {
  brands: '/settings/brands',
  campaigns: '/settings/campaigns',
  sources: '/settings/sources',
  mentions: '/mentions',
  spam: '/mentions/spam',
  /** The inbox opens a ticket from `?ticket=` once tickets are shown; until then this lands on the inbox. */
  ticket: (id: string) => `/inbox?ticket=${encodeURIComponent(id)}`,
} as const;
