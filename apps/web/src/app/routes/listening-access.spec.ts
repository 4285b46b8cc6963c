import { ROLES, type Role } from '@dengar/contracts';
import { describe, expect, it } from 'vitest';
import { listeningAccess } from './listening-access';

const allowed = (check: (role: Role) => boolean) => ROLES.filter(check);

describe('listeningAccess', () => {
  it('follows the role table of SPEC §1', () => {
    expect(allowed(listeningAccess.viewListeningSettings)).toEqual(['admin', 'manager']);
    expect(allowed(listeningAccess.manageBrands)).toEqual(['admin']);
    expect(allowed(listeningAccess.manageCampaigns)).toEqual(['admin', 'manager']);
    expect(allowed(listeningAccess.manageSources)).toEqual(['admin']);
    expect(allowed(listeningAccess.judgeSpam)).toEqual(['admin', 'manager', 'marketing']);
  });
});
