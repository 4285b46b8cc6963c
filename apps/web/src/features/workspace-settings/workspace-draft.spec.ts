import { UpdateSettingsRequestSchema, type Settings } from '@dengar/contracts';
import { describe, expect, it } from 'vitest';
import { settingsChanges, workspaceDraftOf } from './workspace-draft';

const settings: Settings = {
  timezone: 'Asia/Jakarta',
  requireOutcomeTag: false,
  businessHours: null,
  slaTargets: { urgent: 15, high: 60, normal: 240, low: 1440 },
  updatedAt: '2026-11-27T00:00:00.000Z',
};

describe('workspace draft', () => {
  it('changes nothing when nothing was edited', () => {
    expect(settingsChanges(settings, workspaceDraftOf(settings))).toEqual({});
  });

  it('offers weekday office hours when they are turned on, and sends them', () => {
    const draft = { ...workspaceDraftOf(settings), hoursOn: true };
    expect(settingsChanges(settings, draft)).toEqual({
      businessHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
    });
  });

  it('turns hours off with null and sends the other fields only when they differ', () => {
    const withHours = { ...settings, businessHours: { days: [1, 3], start: '08:00', end: '16:00' } };
    const draft = {
      ...workspaceDraftOf(withHours),
      hoursOn: false,
      timezone: ' Europe/Berlin ',
      requireOutcomeTag: true,
    };
    expect(settingsChanges(withHours, draft)).toEqual({
      timezone: 'Europe/Berlin',
      requireOutcomeTag: true,
      businessHours: null,
    });
  });

  it('lets the schema refuse hours that end before they start, on the end field', () => {
    const draft = { ...workspaceDraftOf(settings), hoursOn: true, start: '18:00', end: '09:00' };
    const parsed = UpdateSettingsRequestSchema.safeParse(settingsChanges(settings, draft));
    expect(parsed.error?.issues[0]?.path).toEqual(['businessHours', 'end']);
  });
});
