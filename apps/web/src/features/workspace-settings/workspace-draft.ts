import type { BusinessHours, Settings, UpdateSettingsRequest } from '@dengar/contracts';

/** The admin-only part of the workspace settings as its form edits it. */
export interface WorkspaceDraft {
  timezone: string;
  requireOutcomeTag: boolean;
  /** Off: SLA clocks run around the clock. */
  hoursOn: boolean;
  days: number[];
  start: string;
  end: string;
}

/** What a workspace that had no business hours is offered when it turns them on. */
const DEFAULT_HOURS: BusinessHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

export function workspaceDraftOf(settings: Settings): WorkspaceDraft {
  const hours = settings.businessHours ?? DEFAULT_HOURS;
  return {
    timezone: settings.timezone,
    requireOutcomeTag: settings.requireOutcomeTag,
    hoursOn: settings.businessHours !== null,
    days: [...hours.days],
    start: hours.start,
    end: hours.end,
  };
}

function sameHours(a: BusinessHours | null, b: BusinessHours | null): boolean {
  if (a === null || b === null) return a === b;
  return a.start === b.start && a.end === b.end && a.days.join(',') === b.days.join(',');
}

/** Only what the draft changes (a PATCH of nothing is refused). Unchecked until parsed. */
export function settingsChanges(settings: Settings, draft: WorkspaceDraft): UpdateSettingsRequest {
  const hours: BusinessHours | null = draft.hoursOn
    ? { days: [...draft.days].sort((a, b) => a - b), start: draft.start, end: draft.end }
    : null;
  return {
    ...(draft.timezone.trim() !== settings.timezone ? { timezone: draft.timezone.trim() } : {}),
    ...(draft.requireOutcomeTag !== settings.requireOutcomeTag ? { requireOutcomeTag: draft.requireOutcomeTag } : {}),
    ...(!sameHours(hours, settings.businessHours) ? { businessHours: hours } : {}),
  };
}
