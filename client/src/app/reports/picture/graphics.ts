import { InjectionToken } from '@angular/core';

/**
 * Whether the picture draws its chart (chart.js, canvas) and its map (Leaflet). Both are loaded lazily, only
 * in the browser. Unit tests run in jsdom, which has neither canvas nor layout, and turn it off; the data
 * tables and lists that carry the same figures stay.
 */
export const DRAW_GRAPHICS = new InjectionToken<boolean>('DRAW_GRAPHICS', { providedIn: 'root', factory: () => true });

/**
 * Calls `show` once `element` comes near the viewport (200 px ahead), so that a chart or a map below the fold costs
 * nothing while the page loads. Without IntersectionObserver it calls at once. Returns the clean-up.
 */
export function whenNearViewport(element: Element, show: () => void): () => void {
  const view = element.ownerDocument.defaultView;
  if (!view || typeof view.IntersectionObserver === 'undefined') {
    show();
    return () => undefined;
  }
  const observer = new view.IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      show();
    },
    { rootMargin: '200px' },
  );
  observer.observe(element);
  return () => observer.disconnect();
}

/** Calls `run` once the browser is idle (at the latest after `timeout` ms; at once without requestIdleCallback). Returns the clean-up. */
export function whenIdle(view: Window | null, run: () => void, timeout = 4000): () => void {
  if (!view || !('requestIdleCallback' in view)) {
    run();
    return () => undefined;
  }
  const handle = view.requestIdleCallback(run, { timeout });
  return () => view.cancelIdleCallback(handle);
}
