import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  ElementRef,
  afterNextRender,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import type { Assessment, CategoryDto } from '@samverka/contracts';
import type * as Leaflet from 'leaflet';
import { firstValueFrom } from 'rxjs';
import { I18n, MessageKey, TPipe } from '../../core/i18n/i18n';
import { ReportsApi } from '../reports-api';
import { DRAW_GRAPHICS, whenIdle } from './graphics';

/** A report's position on the map. */
export interface MapPoint {
  id: string;
  latitude: number;
  longitude: number;
  categoryId: string;
  assessment: Assessment;
}

/** A named place (for labels, and for the map's extent when the week has no points). */
export interface MapPlace {
  name: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** A safety-walk finding on the map's findings layer. */
export interface MapFinding {
  id: string;
  latitude: number;
  longitude: number;
  severity: 'low' | 'medium' | 'high';
}

/** A place with findings from several walks: marked with a ring. */
export interface MapRepeatedPlace {
  name: string;
  latitude: number;
  longitude: number;
  walkCount: number;
}

type LeafletModule = typeof Leaflet;

/** Reports at the same spot are drawn as one marker with their number. */
interface Spot {
  latitude: number;
  longitude: number;
  name: string | null;
  points: MapPoint[];
}

const key = (lat: number, lng: number) => `${lat.toFixed(5)},${lng.toFixed(5)}`;

/** Leaflet's stylesheet, built from node_modules as its own file (angular.json, `inject: false`). */
export const LEAFLET_CSS = 'leaflet.css';

/** Adds Leaflet's stylesheet to the page once; resolves when it has loaded (or failed, or after 3 s). */
export function loadLeafletCss(doc: Document): Promise<void> {
  const existing = doc.head.querySelector<HTMLLinkElement>('link[data-leaflet-css]');
  if (existing) return Promise.resolve();
  const link = doc.createElement('link');
  link.rel = 'stylesheet';
  link.href = LEAFLET_CSS;
  link.dataset['leafletCss'] = '';
  return new Promise((resolve) => {
    const done = () => resolve();
    link.addEventListener('load', done, { once: true });
    link.addEventListener('error', done, { once: true });
    setTimeout(done, 3000);
    doc.head.append(link);
  });
}

/**
 * The week's reports on a Leaflet map (loaded on first use). Tiles come from `/api/config`; without a tile URL,
 * or when the tiles cannot be fetched, the markers still show on a plain background. Markers are focusable
 * buttons with a text label; the table "per plats" holds the same figures as a list.
 */
@Component({
  selector: 'sv-points-map',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TPipe],
  template: `
    @if (draw) {
      <div #map class="map" role="region" [attr.aria-label]="label() | t" data-testid="map"></div>
    }
    <p class="map-note" aria-live="polite">
      @if (!points().length) {
        {{ emptyNote() | t }}
      }
      @if (noTileServer()) {
        {{ 'picture.map.noTileServer' | t }}
      } @else if (tilesUnavailable()) {
        {{ 'picture.map.noTiles' | t }}
      }
    </p>
    <p class="map-help">{{ 'picture.map.help' | t }}</p>
  `,
  styles: `
    :host {
      display: block;
    }
    .map {
      height: 22rem;
      max-width: 60rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 12px;
      background: #eef1f5;
      z-index: 0;
    }
    .map-note:empty {
      display: none;
    }
    .map-help {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class PointsMap {
  private readonly api = inject(ReportsApi);
  private readonly i18n = inject(I18n);
  private readonly document = inject(DOCUMENT);
  protected readonly draw = inject(DRAW_GRAPHICS);

  readonly points = input.required<MapPoint[]>();
  /** Places with this week's figures (and any other places of the area), for names and the extent. */
  readonly places = input.required<MapPlace[]>();
  readonly categories = input.required<CategoryDto[]>();
  /** The layer of safety-walk findings (squares), and the places found on several walks (rings). */
  readonly findings = input<MapFinding[]>([]);
  readonly repeated = input<MapRepeatedPlace[]>([]);
  /** The map's name for screen readers, and what it says when there is nothing to mark. */
  readonly label = input<MessageKey>('picture.map.label');
  readonly emptyNote = input<MessageKey>('picture.map.noPoints');

  protected readonly tilesUnavailable = signal(false);
  protected readonly noTileServer = signal(false);
  private readonly mapElement = viewChild<ElementRef<HTMLDivElement>>('map');
  private readonly ready = signal(false);
  private L: LeafletModule | null = null;
  private map: Leaflet.Map | null = null;
  private layer: Leaflet.LayerGroup | null = null;
  private resizeObserver: ResizeObserver | null = null;

  constructor() {
    // Leaflet is loaded and the map drawn once the page is idle: not in the way of its first view, yet there to print.
    const idle = inject(DestroyRef);
    afterNextRender(() => idle.onDestroy(whenIdle(this.document.defaultView, () => void this.create())));
    effect(() => {
      const points = this.points();
      const places = this.places();
      this.findings();
      this.repeated();
      this.categories();
      this.i18n.lang();
      if (this.ready()) untracked(() => this.drawMarkers(points, places));
    });
    inject(DestroyRef).onDestroy(() => {
      this.resizeObserver?.disconnect();
      this.map?.remove();
    });
  }

  private async create(): Promise<void> {
    const element = this.mapElement()?.nativeElement;
    if (!this.draw || !element) return;
    const [L] = await Promise.all([import('leaflet/dist/leaflet-src.esm.js') as Promise<LeafletModule>, loadLeafletCss(this.document)]);
    this.L = L;
    const map = L.map(element, { scrollWheelZoom: false, keyboard: true, zoomSnap: 0.5 });
    this.map = map;
    map.setView([62, 16], 4);
    this.layer = L.layerGroup().addTo(map);
    if (typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver(() => map.invalidateSize());
      this.resizeObserver.observe(element);
    }
    const config = await firstValueFrom(this.api.config()).catch(() => null);
    if (config?.mapTileUrl) {
      const tiles = L.tileLayer(config.mapTileUrl, { attribution: config.mapAttribution, maxZoom: 19 });
      tiles.on('tileerror', () => this.tilesUnavailable.set(true));
      tiles.on('tileload', () => this.tilesUnavailable.set(false));
      tiles.addTo(map);
    } else {
      this.noTileServer.set(true);
    }
    this.ready.set(true);
  }

  private drawMarkers(points: MapPoint[], places: MapPlace[]): void {
    const { L, map, layer } = this;
    if (!L || !map || !layer) return;
    layer.clearLayers();
    const names = new Map<string, string>();
    for (const p of places) if (p.name && p.latitude !== null && p.longitude !== null) names.set(key(p.latitude, p.longitude), p.name);
    const spots = new Map<string, Spot>();
    for (const p of points) {
      const k = key(p.latitude, p.longitude);
      const spot = spots.get(k) ?? { latitude: p.latitude, longitude: p.longitude, name: names.get(k) ?? null, points: [] };
      spot.points.push(p);
      spots.set(k, spot);
    }
    const categories = new Map(this.categories().map((c) => [c.id, c]));
    for (const spot of spots.values()) {
      const n = spot.points.length;
      const high = spot.points.filter((p) => p.assessment === 'high').length;
      const where =
        spot.name ??
        this.i18n.t('picture.map.position', { latitude: this.i18n.formatNumber(spot.latitude, 4), longitude: this.i18n.formatNumber(spot.longitude, 4) });
      const label = this.i18n.t('picture.map.marker', { place: where, count: n }) + (high ? ` ${this.i18n.t('picture.map.markerHigh', { count: high })}` : '');
      const size = Math.round(Math.min(48, 24 + Math.sqrt(n) * 6));
      const html = this.document.createElement('span');
      html.className = 'map-marker-count';
      html.textContent = String(n);
      const icon = L.divIcon({ className: `map-marker${high ? ' map-marker-high' : ''}`, html, iconSize: [size, size] });
      const marker = L.marker([spot.latitude, spot.longitude], { icon, keyboard: true, title: label, riseOnHover: true });
      marker.bindPopup(this.popup(where, spot.points, categories, high));
      marker.addTo(layer);
      marker.getElement()?.setAttribute('aria-label', label);
    }
    const marked = [...spots.values(), ...this.drawFindings(L, layer, names)];
    const bounds = marked.length
      ? L.latLngBounds(marked.map((s) => [s.latitude, s.longitude] as [number, number]))
      : L.latLngBounds(places.filter((p) => p.latitude !== null && p.longitude !== null).map((p) => [p.latitude!, p.longitude!] as [number, number]));
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [32, 32], maxZoom: 16 });
  }

  /** The findings layer: one square per spot with its number of findings, and a ring round each recurring place. */
  private drawFindings(L: LeafletModule, layer: Leaflet.LayerGroup, names: Map<string, string>): { latitude: number; longitude: number }[] {
    const drawn: { latitude: number; longitude: number }[] = [];
    const spots = new Map<string, { latitude: number; longitude: number; findings: MapFinding[] }>();
    for (const f of this.findings()) {
      const k = key(f.latitude, f.longitude);
      const spot = spots.get(k) ?? { latitude: f.latitude, longitude: f.longitude, findings: [] };
      spot.findings.push(f);
      spots.set(k, spot);
    }
    const position = (lat: number, lng: number) =>
      this.i18n.t('picture.map.position', { latitude: this.i18n.formatNumber(lat, 4), longitude: this.i18n.formatNumber(lng, 4) });
    for (const spot of spots.values()) {
      const n = spot.findings.length;
      const where = names.get(key(spot.latitude, spot.longitude)) ?? position(spot.latitude, spot.longitude);
      const label = this.i18n.t('walks.picture.findingMarker', { place: where, count: n });
      const html = this.document.createElement('span');
      html.className = 'map-marker-count';
      html.textContent = String(n);
      const high = spot.findings.some((f) => f.severity === 'high');
      const icon = L.divIcon({ className: `map-marker map-marker-finding${high ? ' map-marker-high' : ''}`, html, iconSize: [26, 26] });
      const marker = L.marker([spot.latitude, spot.longitude], { icon, keyboard: true, title: label, riseOnHover: true });
      marker.bindPopup(label);
      marker.addTo(layer);
      marker.getElement()?.setAttribute('aria-label', label);
      drawn.push(spot);
    }
    for (const r of this.repeated()) {
      const label = this.i18n.t('walks.picture.repeatedMarker', { place: r.name, walks: r.walkCount });
      const icon = L.divIcon({ className: 'map-marker-repeated', iconSize: [52, 52] });
      const marker = L.marker([r.latitude, r.longitude], { icon, keyboard: true, title: label, zIndexOffset: -100 });
      marker.bindPopup(label);
      marker.addTo(layer);
      marker.getElement()?.setAttribute('aria-label', label);
      drawn.push(r);
    }
    return drawn;
  }

  /** The popup: the place and its reports by category. */
  private popup(where: string, points: MapPoint[], categories: Map<string, CategoryDto>, high: number): HTMLElement {
    const root = this.document.createElement('div');
    const title = this.document.createElement('strong');
    title.textContent = where;
    root.append(title);
    const counts = new Map<string, number>();
    for (const p of points) counts.set(p.categoryId, (counts.get(p.categoryId) ?? 0) + 1);
    const list = this.document.createElement('ul');
    list.className = 'map-popup-list';
    for (const [categoryId, n] of [...counts].sort((a, b) => b[1] - a[1])) {
      const item = this.document.createElement('li');
      const category = categories.get(categoryId);
      item.textContent = `${category ? this.i18n.category(category) : '?'}: ${n}`;
      list.append(item);
    }
    root.append(list);
    if (high) {
      const note = this.document.createElement('p');
      note.className = 'map-popup-high';
      note.textContent = this.i18n.t('picture.map.markerHigh', { count: high });
      root.append(note);
    }
    return root;
  }
}
