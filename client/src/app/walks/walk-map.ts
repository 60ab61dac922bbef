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
  model,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import type * as Leaflet from 'leaflet';
import { firstValueFrom } from 'rxjs';
import { I18n, type MessageKey, TPipe } from '../core/i18n/i18n';
import { DRAW_GRAPHICS } from '../reports/picture/graphics';
import { loadLeafletCss } from '../reports/picture/points-map';
import { ReportsApi } from '../reports/reports-api';

type LeafletModule = typeof Leaflet;

/** A route point as [longitude, latitude] (GeoJSON order, as the contract's RouteLineString). */
export type RoutePoint = [number, number];

/** A marked spot on the map (a finding, a place). */
export interface MapMark {
  id: string;
  latitude: number;
  longitude: number;
  label: string;
  high?: boolean;
}

/** How far an arrow key moves a focused route point: about 10 m. */
const NUDGE = 0.0001;

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * A walk's route on a Leaflet map, with its findings as marks. With `editable`, a click on the map adds a point at the
 * end, points are dragged with the mouse or a finger, and a focused point moves with the arrow keys (Delete removes
 * it); the buttons and the list below the map do the same without a pointer. Tiles come from `/api/config`; without
 * them the line and points still show on a plain background.
 */
@Component({
  selector: 'sv-walk-map',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TPipe],
  template: `
    @if (draw) {
      <div #map class="map" role="region" [attr.aria-label]="label() | t" data-testid="walk-map"></div>
    }
    @if (noTileServer()) {
      <p class="map-note">{{ 'picture.map.noTileServer' | t }}</p>
    } @else if (tilesUnavailable()) {
      <p class="map-note">{{ 'picture.map.noTiles' | t }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .map {
      height: 20rem;
      max-height: 60vh;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 12px;
      background: #eef1f5;
      z-index: 0;
    }
    .map-note {
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class WalkMap {
  private readonly config = inject(ReportsApi);
  private readonly i18n = inject(I18n);
  private readonly document = inject(DOCUMENT);
  protected readonly draw = inject(DRAW_GRAPHICS);

  /** The route's points (two-way when editable). */
  readonly route = model<RoutePoint[]>([]);
  readonly editable = input(false);
  readonly marks = input<MapMark[]>([]);
  /** Where to look when there is no route and no mark (the area's places), as [latitude, longitude]. */
  readonly extent = input<[number, number][]>([]);
  readonly label = input<MessageKey>('walks.page.routeMap');

  protected readonly tilesUnavailable = signal(false);
  protected readonly noTileServer = signal(false);
  private readonly mapElement = viewChild<ElementRef<HTMLDivElement>>('map');
  private readonly ready = signal(false);
  private L: LeafletModule | null = null;
  private map: Leaflet.Map | null = null;
  private layer: Leaflet.LayerGroup | null = null;
  private fitted = false;
  private resizeObserver: ResizeObserver | null = null;
  /** The point to focus after a redraw (keyboard moves redraw the markers). */
  private focusPoint: number | null = null;

  constructor() {
    afterNextRender(() => void this.create());
    effect(() => {
      const route = this.route();
      const marks = this.marks();
      const extent = this.extent();
      this.editable();
      this.i18n.lang();
      if (this.ready()) untracked(() => this.redraw(route, marks, extent));
    });
    inject(DestroyRef).onDestroy(() => {
      this.resizeObserver?.disconnect();
      this.map?.remove();
    });
  }

  /** Adds a point at the map's centre (for keyboard users: pan with the arrow keys, then add). */
  addAtCentre(): void {
    const c = this.map?.getCenter();
    if (c) this.route.update((r) => [...r, [round6(c.lng), round6(c.lat)]]);
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
    map.on('click', (e: Leaflet.LeafletMouseEvent) => {
      if (this.editable()) this.route.update((r) => [...r, [round6(e.latlng.lng), round6(e.latlng.lat)]]);
    });
    if (typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver(() => map.invalidateSize());
      this.resizeObserver.observe(element);
    }
    const config = await firstValueFrom(this.config.config()).catch(() => null);
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

  private redraw(route: RoutePoint[], marks: MapMark[], extent: [number, number][]): void {
    const { L, map, layer } = this;
    if (!L || !map || !layer) return;
    layer.clearLayers();
    const latLngs = route.map(([lng, lat]) => [lat, lng] as [number, number]);
    if (latLngs.length > 1) L.polyline(latLngs, { color: '#1f4f99', weight: 5, opacity: 0.85 }).addTo(layer);
    const editable = this.editable();
    route.forEach(([lng, lat], i) => {
      const n = i + 1;
      const label = this.i18n.t('walks.form.routePoint', { n, latitude: this.i18n.formatNumber(lat, 5), longitude: this.i18n.formatNumber(lng, 5) });
      const html = this.document.createElement('span');
      html.textContent = String(n);
      const icon = L.divIcon({ className: 'map-marker', html, iconSize: editable ? [28, 28] : [22, 22] });
      const marker = L.marker([lat, lng], { icon, keyboard: editable, draggable: editable, title: label, interactive: editable });
      if (editable) {
        marker.on('dragend', () => {
          const p = marker.getLatLng();
          this.route.update((r) => r.map((q, j) => (j === i ? [round6(p.lng), round6(p.lat)] : q)));
        });
      }
      marker.addTo(layer);
      const el = marker.getElement();
      if (el) {
        el.setAttribute('aria-label', label);
        if (editable) {
          el.setAttribute('role', 'button');
          el.addEventListener('keydown', (event) => this.keyOnPoint(event, i));
          if (this.focusPoint === i) el.focus();
        } else {
          el.setAttribute('role', 'img');
        }
      }
    });
    this.focusPoint = null;
    for (const m of marks) {
      const html = this.document.createElement('span');
      html.textContent = '!';
      const icon = L.divIcon({ className: `map-marker${m.high ? ' map-marker-high' : ''}`, html, iconSize: [26, 26] });
      const marker = L.marker([m.latitude, m.longitude], { icon, keyboard: true, title: m.label, riseOnHover: true });
      const popup = this.document.createElement('p');
      popup.textContent = m.label;
      marker.bindPopup(popup);
      marker.addTo(layer);
      marker.getElement()?.setAttribute('aria-label', m.label);
    }
    if (!this.fitted) {
      // While a route is being drawn, its first point does not move the view (the user's next click would land
      // somewhere else): the view follows the area until a route of two points or more is loaded.
      const drawn: [number, number][] = editable && latLngs.length < 2 ? [] : latLngs;
      const all: [number, number][] = [...drawn, ...marks.map((m) => [m.latitude, m.longitude] as [number, number])];
      const bounds = L.latLngBounds(all.length ? all : extent);
      if (bounds.isValid()) {
        map.fitBounds(bounds, { padding: [32, 32], maxZoom: 17 });
        this.fitted = true;
      }
    }
  }

  /** Arrow keys move a focused route point by about 10 m; Delete or Backspace removes it. */
  private keyOnPoint(event: KeyboardEvent, i: number): void {
    const moves: Record<string, [number, number]> = { ArrowUp: [0, NUDGE], ArrowDown: [0, -NUDGE], ArrowLeft: [-NUDGE, 0], ArrowRight: [NUDGE, 0] };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      event.stopPropagation();
      this.focusPoint = i;
      this.route.update((r) => r.map((q, j) => (j === i ? [round6(q[0] + move[0]), round6(q[1] + move[1])] : q)));
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      this.route.update((r) => r.filter((_, j) => j !== i));
    }
  }
}
