import { InjectionToken } from '@angular/core';

/**
 * Whether the picture draws its chart (chart.js, canvas) and its map (Leaflet). Both are loaded lazily, only
 * in the browser. Unit tests run in jsdom, which has neither canvas nor layout, and turn it off; the data
 * tables and lists that carry the same figures stay.
 */
export const DRAW_GRAPHICS = new InjectionToken<boolean>('DRAW_GRAPHICS', { providedIn: 'root', factory: () => true });
