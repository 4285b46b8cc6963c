import type { BusinessHours, Settings, TicketPriority } from '@dengar/contracts';

const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface LocalDate {
  y: number;
  m: number;
  d: number;
}

/** The wall-clock fields of an instant in a zone. */
function wallClock(t: number, timeZone: string): LocalDate & { h: number; mi: number; s: number } {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(t))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return { y: out.year!, m: out.month!, d: out.day!, h: out.hour! % 24, mi: out.minute!, s: out.second! };
}

/** The zone's offset from UTC at an instant, in ms (wall clock − UTC). */
function offsetAt(t: number, timeZone: string): number {
  const w = wallClock(t, timeZone);
  const seconds = Math.floor(t / 1000) * 1000;
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s) - seconds;
}

/**
 * The instant a wall-clock time of a day happens in a zone. A time that does not exist (skipped by a DST jump
 * forward) maps to the same distance past the jump; a repeated one (DST jump back) to its first occurrence.
 */
function instantOf(day: LocalDate, minuteOfDay: number, timeZone: string): number {
  const wall = Date.UTC(day.y, day.m - 1, day.d) + minuteOfDay * MINUTE;
  // The offsets in force well before and well after: they differ only around a transition.
  const before = wall - offsetAt(wall - 1.5 * DAY, timeZone);
  const after = wall - offsetAt(wall + 1.5 * DAY, timeZone);
  const valid = (t: number) => offsetAt(t, timeZone) === wall - t;
  const okBefore = valid(before);
  const okAfter = valid(after);
  if (okBefore && okAfter) return Math.min(before, after);
  if (okAfter) return after;
  return before;
}

function nextDay(day: LocalDate): LocalDate {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d) + DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** ISO weekday (Monday = 1 … Sunday = 7) of a calendar day. */
function isoWeekday(day: LocalDate): number {
  const wd = new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
};

/** Hours that open at least one minute on at least one day; anything else means "no business hours". */
function hasOpenTime(hours: BusinessHours | null): hours is BusinessHours {
  return !!hours && hours.days.length > 0 && minutesOf(hours.end) > minutesOf(hours.start);
}

/**
 * Each business-hours window (as instants) from the local day of `from` onwards, in order. Windows are built
 * per calendar day in the zone, so a DST change shortens or lengthens that day's window by the real hour.
 */
function* windows(from: number, hours: BusinessHours, timeZone: string): Generator<[number, number]> {
  const open = minutesOf(hours.start);
  const close = minutesOf(hours.end);
  const days = new Set(hours.days);
  const w = wallClock(from, timeZone);
  let day: LocalDate = { y: w.y, m: w.m, d: w.d };
  for (;;) {
    if (days.has(isoWeekday(day))) {
      const start = instantOf(day, open, timeZone);
      const end = instantOf(day, close, timeZone);
      if (end > start) yield [start, end];
    }
    day = nextDay(day);
  }
}

/**
 * When a clock of `minutes` that starts at `start` runs out (SPEC §5 SLA). Without business hours it is wall
 * time; with them, the clock only runs inside the workspace's hours on its working days, in `timeZone`: a
 * ticket created on Friday evening with a 1 h target is due on Monday one hour after opening.
 */
export function slaDueAt(start: Date, minutes: number, hours: BusinessHours | null, timeZone: string): Date {
  const t0 = start.getTime();
  if (!hasOpenTime(hours) || minutes <= 0) return new Date(t0 + Math.max(0, minutes) * MINUTE);
  let remaining = minutes * MINUTE;
  for (const [open, close] of windows(t0, hours, timeZone)) {
    const from = Math.max(open, t0);
    if (from >= close) continue;
    if (from + remaining <= close) return new Date(from + remaining);
    remaining -= close - from;
  }
  // Unreachable: with open time on some day, `windows` never ends.
  throw new Error('business hours have no open time');
}

/**
 * Minutes of clock time between two instants (0 when `b` is not after `a`): all of it without business hours,
 * else only what falls inside them. Fractional; the inverse of `slaDueAt`.
 */
export function businessMinutesBetween(a: Date, b: Date, hours: BusinessHours | null, timeZone: string): number {
  const ta = a.getTime();
  const tb = b.getTime();
  if (tb <= ta) return 0;
  if (!hasOpenTime(hours)) return (tb - ta) / MINUTE;
  let total = 0;
  for (const [open, close] of windows(ta, hours, timeZone)) {
    if (open >= tb) break;
    const from = Math.max(open, ta);
    const to = Math.min(close, tb);
    if (to > from) total += to - from;
  }
  return total / MINUTE;
}

/** A ticket's first-response due time: its creation plus the workspace target for its priority (SPEC §5). */
export function firstResponseDue(
  createdAt: Date,
  priority: TicketPriority,
  settings: Pick<Settings, 'slaTargets' | 'businessHours' | 'timezone'>,
): Date {
  return slaDueAt(createdAt, settings.slaTargets[priority], settings.businessHours, settings.timezone);
}
