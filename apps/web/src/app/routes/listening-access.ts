import type { Role } from '@dengar/contracts';

/**
 * Who may open or change the listening screens (SPEC §1): admins manage brands and sources, managers too manage
 * campaigns and read the rest; marketing, managers and admins judge spam. The API enforces the same rules.
 */
export const listeningAccess = {
  viewListeningSettings: (role: Role) => role === 'admin' || role === 'manager',
  manageBrands: (role: Role) => role === 'admin',
  manageCampaigns: (role: Role) => role === 'admin' || role === 'manager',
  manageSources: (role: Role) => role === 'admin',
  judgeSpam: (role: Role) => role !== 'agent',
} as const;
