/**
 * "New above the fold": while the person has scrolled down the list, rows that arrive (or move) above what they
 * are looking at are held back and announced ("3 new — show") instead of pushing the list under the cursor.
 * At the top of the list they simply appear. Pure bookkeeping over ticket ids.
 */
export interface ScrollPosition {
  /** Scrolled to (or within a row of) the top. */
  atTop: boolean;
  /** Index, among the shown rows, of the first row in view. */
  firstVisibleIndex: number;
}

/** `index`: where the arrived row now sits among the shown rows (held-back rows not counted). */
export function noteArrival(
  held: ReadonlySet<string>,
  arrival: { id: string; index: number },
  position: ScrollPosition,
): ReadonlySet<string> {
  if (position.atTop || held.has(arrival.id)) return held;
  if (arrival.index > position.firstVisibleIndex) return held;
  const next = new Set(held);
  next.add(arrival.id);
  return next;
}

/** Drops held ids that left the list (resolved, reassigned, filtered away), so the count stays honest. */
export function pruneHeld(held: ReadonlySet<string>, present: ReadonlySet<string>): ReadonlySet<string> {
  let changed = false;
  const next = new Set<string>();
  for (const id of held) {
    if (present.has(id)) next.add(id);
    else changed = true;
  }
  return changed ? next : held;
}

/** The rows to show: everything but what is held back. */
export function visibleRows<T extends { id: string }>(rows: readonly T[], held: ReadonlySet<string>): T[] {
  return held.size === 0 ? [...rows] : rows.filter((row) => !held.has(row.id));
}

export const NOTHING_HELD: ReadonlySet<string> = new Set();
