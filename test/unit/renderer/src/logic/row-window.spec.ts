import { describe, expect, it } from 'vitest';
import { FALLBACK_VIEWPORT, OVERSCAN, ROW_HEIGHT, WINDOW_THRESHOLD, rowWindow } from '../../../../../renderer/src/logic/row-window.js';

describe('rowWindow', () => {
  it('renders a short table whole', () => {
    expect(rowWindow(WINDOW_THRESHOLD, 500, 300)).toEqual({ start: 0, end: WINDOW_THRESHOLD, before: 0, after: 0 });
  });

  it('renders the rows in view plus the overscan, and spacers that keep the full height', () => {
    const win = rowWindow(1000, 100 * ROW_HEIGHT, 20 * ROW_HEIGHT);
    expect(win.start).toBe(100 - OVERSCAN);
    expect(win.end).toBe(120 + OVERSCAN);
    expect(win.before + (win.end - win.start) * ROW_HEIGHT + win.after).toBe(1000 * ROW_HEIGHT);
  });

  it('clamps at both ends of the list and past the end of the scroll', () => {
    expect(rowWindow(1000, 0, 340)).toMatchObject({ start: 0, before: 0, end: 10 + OVERSCAN });
    const last = rowWindow(1000, 10 ** 9, 340);
    expect(last.end).toBe(1000);
    expect(last.after).toBe(0);
  });

  it('assumes a viewport before one can be measured, so the first paint is bounded', () => {
    const win = rowWindow(1000, 0, 0);
    expect(win.end).toBe(Math.ceil(FALLBACK_VIEWPORT / ROW_HEIGHT) + OVERSCAN);
    expect(win.end).toBeLessThan(100);
  });
});
