/**
 * Owns the MapLibre map: builds it, and renders a step's whole state onto it (camera, markers,
 * country outlines, routes). `render` is idempotent, so calling it for the same step twice, or
 * after any sequence of other steps, gives the same map.
 */
import { Map as MapLibreMap, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import { workerUrl } from './files.ts';
import type { Story } from '../story/model.ts';
import { stepView, type StepView } from '../story/view.ts';
import { cameraTarget, type CameraTarget, type Padding } from '../geo/camera.ts';
import type { Rect } from '../geo/freeArea.ts';
import { stepFrame } from '../geo/stepFrame.ts';
import { FLIGHT } from '../geo/flight.ts';
import type { Box } from '../geo/labelPlacement.ts';
import type { Covers } from '../ui/measureCovers.ts';
import { nearestLng } from '../geo/bbox.ts';
import { partialLine } from '../geo/routes.ts';
import { clearOf, endsInCountry, routeLine } from '../geo/routeEnds.ts';
import { arrival } from '../geo/arrow.ts';
import {
  mapStyle,
  BASEMAP_SOURCES,
  HIGHLIGHTED,
  themePaint,
  arrowImage,
  ROUTE_ARROW,
  COLORS,
  DARK_COLORS,
} from './style.ts';
import { addMarkers, type MarkerSet } from './markers.ts';
import { HeldPicture } from './still.ts';
import { contextFonts } from './contextFonts.ts';
import type { LngLat } from '../story/model.ts';
import type { FeatureCollection, Point } from 'geojson';

setWorkerUrl(workerUrl);

export interface RenderOptions {
  reducedMotion: boolean;
  /** Height of what covers the top of the map (the timeline): marker labels keep out of it. */
  overlayTop: number;
  /** Measures what will lie over the map while the step is read (the camera frames around it). */
  covers: () => Covers;
}

/**
 * The resolution of the frames drawn while the map loads (7 to 9 of them: the style, then each
 * source and tile as it arrives). Nobody sees them: the canvas is hidden, under the step's static
 * map, until the map is ready (MapView). Drawn at a quarter of a pixel per CSS pixel, each costs far less
 * where the GPU is weak or absent (the bench's software WebGL: a frame of a 390×844 phone at 2×
 * took 100–200 ms at 4× CPU; the map was ready 1.4–1.7 s after the first move, now 1.2–1.35 s).
 * The first frame anyone sees is drawn at full resolution (hydrate.test checks the canvas).
 */
const LOADING_PIXEL_RATIO = 0.25;

/** The story's places as the map's `places` source: the context labels keep clear of their names. */
function placesData(story: Story): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: story.places.map((p) => ({
      type: 'Feature',
      properties: {
        name: p.name,
        precision: p.precision,
        markers: story.events.filter((e) => e.place?.id === p.id).length,
      },
      geometry: { type: 'Point', coordinates: p.coordinates },
    })),
  };
}

export class MapController {
  readonly map: MapLibreMap;
  readonly ready: Promise<void>;
  private markers: MarkerSet | undefined;
  /** Each route's line, cut short into a country-only place where the build measured (`Route.reach`). */
  private readonly lines: Map<string, LngLat[]>;
  private dark = false;
  /** The step drawn last, to tell a new step from a re-render of the same one. */
  private shownStep: string | undefined;
  /** The view drawn last, and how much of its routes (`grow`). */
  private view: StepView | undefined;
  private growth = 1;
  /** The old step's picture, held while a cut or a step without motion loads (still.ts). */
  private readonly held: HeldPicture;
  /** The countries whose land is highlighted now (`highlight`). */
  private highlighted = new Set<string>();
  /** Whether the routes source holds anything: a story's many steps without a route send nothing. */
  private routesDrawn = false;
  /** The routes, share of their length and zoom of the lines last sent to the routes source. */
  private routesSent = '';
  private lastCamera = '';
  /** The frame (padding) measured for the step and map size in `frameKey`. */
  private frameKey = '';
  private padding: Padding | undefined;
  /** The part of the map nothing covers, for the step in `frameKey`: labels go there first. */
  private free: Rect | undefined;
  /** What covers the top of the map now; marker labels keep out of it. */
  private overlayTop = 0;
  /** The latest state asked for before the map had loaded; drawn as soon as it has. */
  private pending: { view: StepView; options: RenderOptions } | undefined;
  /** The options of the last render, to frame the step again when the camera helper lets go. */
  private options: RenderOptions | undefined;
  /** `npm run dev`'s camera helper (map/dev/) has the map: the author moves it, steps don't. */
  private handheld = false;
  private removed = false;

  /** `fineUrl`: the basemap's fine tier, when the map opens on a close-up (style.ts `StyleData`). */
  constructor(
    container: HTMLElement,
    private story: Story,
    basemapUrl: string,
    onOpen: (ids: string[], button: HTMLElement) => void,
    fineUrl?: string,
  ) {
    this.lines = new Map(story.routes.map((r) => [r.id, routeLine(r)]));
    this.map = new MapLibreMap({
      container,
      style: mapStyle(new URL(basemapUrl, document.baseURI).href, {
        contextFonts: contextFonts(document),
        countries: [...new Set(story.steps.flatMap((_, i) => stepView(story, i).countries))],
        places: placesData(story),
        fineUrl,
      }),
      // The reader moves the map by scrolling the story; dragging or wheel-zooming it would fight that.
      interactive: false,
      attributionControl: false,
      center: [0, 0],
      zoom: 1,
      fadeDuration: 0,
      pixelRatio: LOADING_PIXEL_RATIO,
    });
    // Tests and hosts can tell a settled map from a moving one without timing it.
    container.dataset.moving = 'false';
    this.held = new HeldPicture(this.map);
    this.map.on('movestart', () => (container.dataset.moving = 'true'));
    this.map.on('moveend', () => (container.dataset.moving = 'false'));
    // What the opening step asks of the map's worker (its routes, the arrowhead they carry, its
    // countries' state) goes in as soon as the style has its sources, before their first tiles
    // are cut. Sent at `load`, it had the worker cut the routes' tiles again, and the map drew
    // a second round of frames before it was ready: the Pacific fixture, whose opening step has
    // a route, now draws two frames fewer before it is ready (phone, 4× CPU, six runs of each
    // version, alternated; the time, 2.0–2.8 s either way, varies too much here to tell them
    // apart). The markers (HTML) are still made at `load`: made here, they held up the first tiles.
    this.map.once('style.load', () => {
      this.setArrow();
      if (!this.pending) return;
      this.highlight(this.pending.view.countries);
      this.renderRoutes(this.pending.view);
    });
    this.ready = new Promise((resolve) => {
      this.map.once('load', () => {
        this.markers = addMarkers(this.map, story, onOpen, ([width, height]) => [
          ...(this.free ? [[this.free.left, this.free.top, this.free.right, this.free.bottom] as Box] : []),
          [0, this.overlayTop, width, height],
        ]);
        if (this.pending) this.render(this.pending.view, this.pending.options);
        // Loaded: the next frame at the screen's own resolution (null follows `devicePixelRatio`
        // from now on, as MapLibre does by default), and the map is ready to be seen. Not after
        // one more frame at the loading resolution first, which nobody saw: one frame fewer before
        // the Pacific fixture's map is ready, at 390×844 and at 1440×900 (medians of six and four
        // runs of each version, alternated). Its time varied more than it changed.
        this.map.setPixelRatio(null as unknown as number);
        this.map.once('idle', () => resolve());
      });
    });
  }

  render(view: StepView, options: RenderOptions) {
    if (!this.markers) {
      this.pending = { view, options };
      // Put the camera where the step wants it before the first frame: a map that opened on the
      // whole world and then flew in would draw (and tile) dozens of frames nobody asked for.
      if (!this.lastCamera) this.moveCamera(view, { ...options, reducedMotion: true });
      return;
    }
    this.view = view;
    this.options = options;
    this.overlayTop = options.overlayTop;
    const newStep = this.shownStep !== undefined && this.shownStep !== view.step.id;
    this.shownStep = view.step.id;
    // The camera first: the routes' ends are sized for where it settles (`settledZoom`).
    const cut = this.moveCamera(view, options);
    // Without motion, or in a cut, the reader sees the old step, then the new one whole: never
    // the frames between, where the camera has jumped but tiles, routes and highlight are still
    // on their way. Held in this task, before the map's next frame.
    if (cut || (newStep && options.reducedMotion)) this.held.hold();
    this.drawStep(view);
  }

  /** What the step draws besides the camera: its markers, countries and routes. */
  private drawStep(view: StepView) {
    this.markers?.setActive(view.activeEvents);
    this.highlight(view.countries);
    this.renderRoutes(view);
  }

  /** Marks the land of these countries (ISO numeric codes) as the step's, and only theirs. */
  private highlight(countries: readonly string[]) {
    const next = new Set(countries);
    for (const iso of new Set([...this.highlighted, ...next])) {
      if (this.highlighted.has(iso) === next.has(iso)) continue;
      for (const source of BASEMAP_SOURCES)
        this.map.setFeatureState({ source, id: iso }, { [HIGHLIGHTED]: next.has(iso) });
    }
    this.highlighted = next;
  }

  /** Grows the step's routes to this share of their length (0..1) as the reader scrolls. */
  grow(fraction: number) {
    if (fraction === this.growth) return;
    this.growth = fraction;
    if (this.view?.routes.length) this.renderRoutes(this.view);
  }

  /** The zoom the camera settles at for this step, in the frame `moveCamera` measured for it. */
  private settledZoom(view: StepView): number {
    const canvas = this.map.getContainer();
    const viewport = { width: canvas.clientWidth, height: canvas.clientHeight };
    return this.padding ? cameraTarget(view.step.camera, viewport, this.padding).zoom : this.map.getZoom();
  }

  private renderRoutes(view: StepView) {
    if (!view.routes.length && !this.routesDrawn) return;
    const zoom = this.settledZoom(view);
    const fraction = this.growth;
    // The same lines again (the step drawn once more, or already drawn before the map loaded):
    // sending them would have the worker cut the routes' tiles again for nothing.
    const sent = JSON.stringify([view.routes, fraction, zoom]);
    if (sent === this.routesSent) return;
    this.routesSent = sent;
    this.routesDrawn = view.routes.length > 0;
    const byId = new Map(this.story.routes.map((r) => [r.id, r]));
    this.map.getSource<GeoJSONSource>('routes')?.setData({
      type: 'FeatureCollection',
      features: view.routes.flatMap((id) => {
        const route = byId.get(id);
        const line = this.lines.get(id);
        if (!route || !line || fraction <= 0) return [];
        // Clear of the country's marker at the zoom the step settles at (routeEnds.ts).
        const cut = endsInCountry(route) ? clearOf(line, route.to.coordinates, zoom) : line;
        if (cut.length < 2) return [];
        const coordinates = partialLine(cut, fraction);
        // The arrowhead into a country marks where the route ends: only once it has got there.
        const angle = fraction >= 1 && endsInCountry(route) ? arrival(coordinates) : undefined;
        const tip = coordinates[coordinates.length - 1];
        return [
          {
            type: 'Feature' as const,
            properties: { id, planned: route.planned },
            geometry: { type: 'LineString' as const, coordinates },
          },
          ...(angle === undefined || !tip
            ? []
            : [
                {
                  type: 'Feature' as const,
                  properties: { id, angle },
                  geometry: { type: 'Point' as const, coordinates: tip },
                },
              ]),
        ];
      }),
    });
  }

  /** Moves the camera to the step's frame; true when it cut there (a flight would be too long). */
  private moveCamera(view: StepView, options: RenderOptions): boolean {
    const canvas = this.map.getContainer();
    const viewport = { width: canvas.clientWidth, height: canvas.clientHeight };
    // The frame is measured once per step and map size: scroll progress re-renders many times a
    // second, and a frame that changed by a pixel mid-scroll would restart the flight.
    const frameKey = `${view.step.id} ${viewport.width}x${viewport.height}`;
    if (frameKey !== this.frameKey || !this.padding) {
      this.frameKey = frameKey;
      ({ padding: this.padding, free: this.free } = stepFrame(view.step.camera, viewport, options.covers()));
    }
    const padding = this.padding;
    const target = cameraTarget(view.step.camera, viewport, padding);
    // Tests and hosts can see the frame the step was given (the map's part nothing covers).
    canvas.dataset.frame = JSON.stringify({ step: view.step.id, padding });
    if (this.handheld) return false;
    // Scroll progress re-renders the routes many times a second; only a new target moves the camera.
    const key = JSON.stringify([target, padding]);
    if (key === this.lastCamera) return false;
    this.lastCamera = key;
    const camera = { ...target, padding };
    // MapLibre keeps the padded frame inside the world (geo/camera.ts `constrain`), but a jump
    // checks the centre against the padding it had before; set the new padding first, so the
    // map settles where the pure camera maths says it will.
    if (options.reducedMotion) {
      this.map.jumpTo({ padding }).jumpTo(camera);
      return false;
    }
    // The basemap's detailed tier is cut for these flights' frames (geo/coverage.ts, geo/flight.ts).
    this.map.flyTo({ ...camera, essential: true, ...FLIGHT });
    // A flight longer than `maxDuration` is none: MapLibre jumps. The new place's tiles are cut a
    // few frames later, and the map between showed an empty sea: 130–200 ms from the Haiti
    // fixture's close-up of Port-au-Prince to the view from Kenya (1440×900, software WebGL).
    // The caller holds the old picture until the new one is whole, as for reduced motion.
    return !this.map.isMoving();
  }

  /**
   * For `npm run dev`'s camera helper (map/dev/): while `on`, the author pans, zooms, rotates and
   * tilts the map by hand (mouse, touch, keyboard) and the steps stop moving the camera; off, the
   * map is the reader's again and flies back to the step's camera.
   */
  setHandheld(on: boolean) {
    if (on === this.handheld || this.removed) return;
    this.handheld = on;
    const m = this.map;
    const handlers = [m.dragPan, m.scrollZoom, m.boxZoom, m.dragRotate, m.keyboard, m.doubleClickZoom];
    for (const handler of [...handlers, m.touchZoomRotate, m.touchPitch]) {
      if (on) handler.enable();
      else handler.disable();
    }
    // The keyboard handler listens on the canvas, which the reader's map keeps out of the tab order.
    m.getCanvas().tabIndex = on ? 0 : -1;
    if (!on && this.view && this.options) {
      this.lastCamera = '';
      if (this.moveCamera(this.view, this.options)) this.held.hold();
    }
  }

  /**
   * Where a point is drawn now, in viewport pixels: the copy of it nearest the map's centre, as
   * a map across 180° shows it. For hosts placing annotations, and tests checking the framing.
   */
  project(point: readonly [number, number]): [number, number] {
    const box = this.map.getContainer().getBoundingClientRect();
    const p = this.map.project([nearestLng(point[0], this.map.getCenter().lng), point[1]]);
    return [box.left + p.x, box.top + p.y];
  }

  /** Recolours the map for a light or dark page. */
  setTheme(dark: boolean) {
    this.dark = dark;
    // Beyond 85° north and south MapLibre draws nothing; the sea's colour fills it, not the page's.
    this.map.getContainer().style.background = (dark ? DARK_COLORS : COLORS).water;
    // The markers are HTML (markers.ts): their colour that must stand out from the map's comes from here.
    this.map.getContainer().style.setProperty('--active-marker', (dark ? DARK_COLORS : COLORS).activeMarker);
    const apply = () => {
      const layers = this.map.getStyle().layers ?? [];
      for (const [prefix, property, value] of themePaint(dark ? DARK_COLORS : COLORS))
        for (const layer of layers.filter((l) => l.id.startsWith(prefix)))
          this.map.setPaintProperty(layer.id, property, value);
      this.setArrow();
    };
    if (this.markers) apply();
    else void this.ready.then(apply);
  }

  /** The route arrowhead's picture, in the theme's route colour (an icon has no paint colour). */
  private setArrow() {
    const { image, options } = arrowImage((this.dark ? DARK_COLORS : COLORS).route);
    if (this.map.hasImage(ROUTE_ARROW)) this.map.updateImage(ROUTE_ARROW, image);
    else this.map.addImage(ROUTE_ARROW, image, options);
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
    this.removed = true;
    this.markers?.remove();
    this.held.stop();
    this.map.remove();
  }
}
