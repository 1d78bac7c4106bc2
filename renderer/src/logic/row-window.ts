/**
 * Which rows of a long table to render: only those in the scroll viewport plus a margin, with spacer heights for
 * the rest so the scroll bar stays true. Pure arithmetic on a fixed row height (rows are one line high).
 */
export type RowWindow = { start: number; end: number; before: number; after: number };

/** Tables up to this many rows render whole (cheap, and the browser's find-in-page still sees every row). */
export const WINDOW_THRESHOLD = 150;
/** The height of one device row in px; styles.css pins `.is-windowed .device-row` to it. */
export const ROW_HEIGHT = 34;
/** Rows rendered above and below the viewport so a fast scroll does not show blank space. */
export const OVERSCAN = 10;
/** Assumed viewport when none can be measured yet (first render, or a DOM without layout). */
export const FALLBACK_VIEWPORT = 800;

export function rowWindow(count: number, scrollTop: number, viewport: number, rowHeight = ROW_HEIGHT, overscan = OVERSCAN): RowWindow {
  if (count <= WINDOW_THRESHOLD) return { start: 0, end: count, before: 0, after: 0 };
  const height = viewport > 0 ? viewport : FALLBACK_VIEWPORT;
  const top = Math.max(0, Math.min(scrollTop, count * rowHeight));
  const start = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((top + height) / rowHeight) + overscan);
  return { start, end, before: start * rowHeight, after: (count - end) * rowHeight };
}
