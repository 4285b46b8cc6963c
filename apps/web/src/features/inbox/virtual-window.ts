/** The maths of a list with fixed-height rows that renders only what is in view (plus some overscan). */
export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  count: number;
  overscan: number;
}

export interface VirtualWindow {
  /** First rendered row (inclusive). */
  start: number;
  /** Last rendered row (exclusive). */
  end: number;
  /** Height of the whole list, so the scrollbar is right. */
  totalHeight: number;
  /** First row actually in view. */
  firstVisible: number;
}

export function virtualWindow({ scrollTop, viewportHeight, rowHeight, count, overscan }: WindowInput): VirtualWindow {
  const totalHeight = Math.max(0, count * rowHeight);
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, totalHeight, firstVisible: 0 };
  const maxTop = Math.max(0, totalHeight - viewportHeight);
  const top = Math.min(Math.max(0, scrollTop), maxTop);
  const firstVisible = Math.min(count - 1, Math.floor(top / rowHeight));
  const lastVisible = Math.min(count, Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight));
  return {
    start: Math.max(0, firstVisible - overscan),
    end: Math.min(count, Math.max(lastVisible, firstVisible + 1) + overscan),
    totalHeight,
    firstVisible,
  };
}

/** The scroll position that brings row `index` fully into view, or null when it already is. */
export function scrollToReveal(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
): number | null {
  const rowTop = index * rowHeight;
  const rowBottom = rowTop + rowHeight;
  if (rowTop < scrollTop) return rowTop;
  if (rowBottom > scrollTop + viewportHeight) return Math.max(0, rowBottom - viewportHeight);
  return null;
}

/** Whether the rendered window is close enough to the end of the loaded rows to fetch the next page. */
export function nearEnd(window: Pick<VirtualWindow, 'end'>, count: number, threshold: number): boolean {
  return count - window.end <= threshold;
}
