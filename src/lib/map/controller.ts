/**
 * Owns the MapLibre map: builds it, and renders a step's whole state onto it (camera, markers,
 * country outlines, routes). `render` is idempotent, so calling it for the same step twice, or
 * after any sequence of other steps, gives the same map.
 */
import { Map as MapLibreMap, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import fontUrl from '@fontsource/source-sans-3/files/source-sans-3-latin-600-normal.woff2?url';
import type { Story } from '../story/model.ts';
import type { StepView } from '../story/view.ts';
import { cameraTarget, framePadding, type CameraTarget } from '../geo/camera.ts';
import { greatCircleLine, partialLine } from '../geo/routes.ts';
import { isWide } from '../scroll/active.ts';
import { mapStyle, highlight, HIGHLIGHT_LAYERS, themePaint, COLORS, DARK_COLORS } from './style.ts';
import { addMarkers, type MarkerSet } from './markers.ts';
import type { LngLat } from '../story/model.ts';

setWorkerUrl(workerUrl);

/** The page's layout, from the window as app.css's media query sees it. */
const wideLayout = () => isWide(window.innerWidth, window.innerHeight);

export interface RenderOptions {
  reducedMotion: boolean;
  /** Height of what covers the top of the map (the timeline), kept clear of the framed places. */
  overlayTop: number;
}

export class MapController {
  readonly map: MapLibreMap;
  readonly ready: Promise<void>;
  private markers: MarkerSet | undefined;
  private lines: Map<string, LngLat[]>;
  private lastCamera = '';
  /** What covers the top of the map now; marker labels keep out of it. */
  private overlayTop = 0;
  /** The latest state asked for before the map had loaded; drawn as soon as it has. */
  private pending: { view: StepView; options: RenderOptions } | undefined;

  constructor(
    container: HTMLElement,
    private story: Story,
    basemapUrl: string,
    onOpen: (ids: string[], button: HTMLElement) => void,
  ) {
    this.map = new MapLibreMap({
      container,
      style: mapStyle(new URL(basemapUrl, document.baseURI).href, fontUrl),
      // The reader moves the map by scrolling the story; dragging or wheel-zooming it would fight that.
      interactive: false,
      attributionControl: false,
      center: [0, 0],
      zoom: 1,
      fadeDuration: 0,
    });
    // Tests and hosts can tell a settled map from a moving one without timing it.
    container.dataset.moving = 'false';
    this.map.on('movestart', () => (container.dataset.moving = 'true'));
    this.map.on('moveend', () => (container.dataset.moving = 'false'));
    this.lines = new Map(story.routes.map((r) => [r.id, greatCircleLine(r.from.coordinates, r.to.coordinates)]));
    this.ready = new Promise((resolve) => {
      this.map.once('load', () => {
        this.setPlaces();
        this.markers = addMarkers(this.map, story, onOpen, () => this.overlayTop);
        if (this.pending) this.render(this.pending.view, this.pending.options);
        this.map.once('idle', () => resolve());
      });
    });
  }

  private setPlaces() {
    const source = this.map.getSource<GeoJSONSource>('places');
    source?.setData({
      type: 'FeatureCollection',
      features: this.story.places.map((p) => ({
        type: 'Feature',
        properties: {
          name: p.name,
          precision: p.precision,
          markers: this.story.events.filter((e) => e.place?.id === p.id).length,
        },
        geometry: { type: 'Point', coordinates: p.coordinates },
      })),
    });
  }

  /** Where the camera must settle for this step at the map's current size. */
  target(view: StepView, options: RenderOptions): CameraTarget {
    const canvas = this.map.getContainer();
    const viewport = { width: canvas.clientWidth, height: canvas.clientHeight };
    return cameraTarget(view.step.camera, viewport, framePadding(viewport, options.overlayTop, wideLayout()));
  }

  render(view: StepView, options: RenderOptions) {
    if (!this.markers) {
      this.pending = { view, options };
      return;
    }
    this.overlayTop = options.overlayTop;
    this.markers?.setActive(view.activeEvents);
    for (const [layer, detail] of HIGHLIGHT_LAYERS) this.map.setFilter(layer, highlight(detail, view.countries));
    this.renderRoutes(view);
    this.moveCamera(view, options);
  }

  private renderRoutes(view: StepView) {
    const byId = new Map(this.story.routes.map((r) => [r.id, r]));
    this.map.getSource<GeoJSONSource>('routes')?.setData({
      type: 'FeatureCollection',
      features: view.routes.flatMap(({ id, fraction }) => {
        const route = byId.get(id);
        const line = this.lines.get(id);
        if (!route || !line || fraction <= 0) return [];
        return [
          {
            type: 'Feature' as const,
            properties: { id, planned: route.planned },
            geometry: { type: 'LineString' as const, coordinates: partialLine(line, fraction) },
          },
        ];
      }),
    });
  }

  private moveCamera(view: StepView, options: RenderOptions) {
    const canvas = this.map.getContainer();
    const viewport = { width: canvas.clientWidth, height: canvas.clientHeight };
    const padding = framePadding(viewport, options.overlayTop, wideLayout());
    const target = cameraTarget(view.step.camera, viewport, padding);
    // Scroll progress re-renders the routes many times a second; only a new target moves the camera.
    const key = JSON.stringify([target, padding]);
    if (key === this.lastCamera) return;
    this.lastCamera = key;
    const camera = { ...target, padding };
    // MapLibre keeps the padded frame inside the world (geo/camera.ts `constrain`), but a jump
    // checks the centre against the padding it had before; set the new padding first, so the
    // map settles where the pure camera maths says it will.
    if (options.reducedMotion) this.map.jumpTo({ padding }).jumpTo(camera);
    else this.map.flyTo({ ...camera, essential: true, speed: 1.4, curve: 1.4, maxDuration: 2500 });
  }

  /** Recolours the map for a light or dark page. */
  setTheme(dark: boolean) {
    // Beyond 85° north and south MapLibre draws nothing; the sea's colour fills it, not the page's.
    this.map.getContainer().style.background = (dark ? DARK_COLORS : COLORS).water;
    const apply = () => {
      const layers = this.map.getStyle().layers ?? [];
      for (const [prefix, property, value] of themePaint(dark ? DARK_COLORS : COLORS))
        for (const layer of layers.filter((l) => l.id.startsWith(prefix)))
          this.map.setPaintProperty(layer.id, property, value);
    };
    if (this.markers) apply();
    else void this.ready.then(apply);
  }

  /** Resolves once the camera has stopped moving. */
  settled(): Promise<void> {
    if (!this.map.isMoving()) return Promise.resolve();
    return new Promise((resolve) => this.map.once('moveend', () => resolve()));
  }

  camera(): CameraTarget {
    const c = this.map.getCenter();
    return {
      center: [c.lng, c.lat],
      zoom: this.map.getZoom(),
      bearing: this.map.getBearing(),
      pitch: this.map.getPitch(),
    };
  }

  destroy() {
    this.markers?.remove();
    this.map.remove();
  }
}
