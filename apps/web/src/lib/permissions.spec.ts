import { ROLES, type Role } from '@dengar/contracts';
import { describe, expect, it } from 'vitest';
import { can } from './permissions';

const allowed = (check: (role: Role) => boolean) => ROLES.filter(check);

describe('can', () => {
  it('follows the role table of SPEC §1', () => {
    expect(allowed(can.seeInsights)).toEqual(['admin', 'manager', 'marketing']);
    expect(allowed(can.openSettings)).toEqual(['admin', 'manager']);
    expect(allowed(can.viewUsers)).toEqual(['admin', 'manager']);
    expect(allowed(can.editUsers)).toEqual(['admin']);
    expect(allowed(can.editCapacity)).toEqual(['admin', 'manager']);
    expect(allowed(can.manageTeams)).toEqual(['admin', 'manager']);
    expect(allowed(can.seeAllTickets)).toEqual(['admin', 'manager']);
  });
});
