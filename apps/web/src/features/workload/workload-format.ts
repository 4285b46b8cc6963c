/** How full someone is: open tickets against capacity, as a share for a bar (capped at 100 %). */
export function loadOf(open: number, capacity: number): { percent: number; over: boolean } {
  if (capacity <= 0) return { percent: open > 0 ? 100 : 0, over: open > 0 };
  return { percent: Math.min(100, Math.round((open / capacity) * 100)), over: open > capacity };
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** How long ago `iso` was, in the largest whole unit (for `Intl.RelativeTimeFormat`, so negative). */
export function agoParts(iso: string, now: number): { value: number; unit: Intl.RelativeTimeFormatUnit } {
  const seconds = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 1000));
  for (const [unit, size] of UNITS) {
    if (seconds >= size) return { value: -Math.floor(seconds / size), unit };
  }
  return { value: -seconds, unit: 'second' };
}

/**
 * Runs `fn` at once, then at most once per `ms`: calls in between are folded into one run at the end of the
 * window, so the last change is never lost.
 */
export function createThrottle(fn: () => void, ms: number): { call: () => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending = false;
  const open = () => {
    timer = setTimeout(() => {
      timer = null;
      if (pending) {
        pending = false;
        fn();
        open();
      }
    }, ms);
  };
  return {
    call: () => {
      if (timer) {
        pending = true;
        return;
      }
      fn();
      open();
    },
    cancel: () => {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = false;
    },
  };
}
