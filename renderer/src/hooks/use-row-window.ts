import { useEffect, useState, type RefObject } from 'react';
import { rowWindow, type RowWindow } from '../logic/row-window.js';

/**
 * Follows the scroll position and height of a scroll container and answers which rows to render. Listens
 * passively and re-renders only when the window actually moves.
 */
export function useRowWindow(container: RefObject<HTMLElement | null>, count: number): RowWindow {
  const [view, setView] = useState({ scrollTop: 0, height: 0 });
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const read = () =>
      setView((prev) =>
        prev.scrollTop === element.scrollTop && prev.height === element.clientHeight
          ? prev
          : { scrollTop: element.scrollTop, height: element.clientHeight },
      );
    read();
    element.addEventListener('scroll', read, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(read);
    observer?.observe(element);
    return () => {
      element.removeEventListener('scroll', read);
      observer?.disconnect();
    };
  }, [container]);
  return rowWindow(count, view.scrollTop, view.height);
}
