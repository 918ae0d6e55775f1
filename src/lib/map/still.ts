/**
 * A still of the map as it stands, held over it while the next step's picture loads. For a reader
 * who asked for reduced motion the camera jumps, and so it does with motion where a flight would
 * be too long (controller.ts `moveCamera`). MapLibre's worker sends the new routes and the
 * basemap's tiles for the new place a frame or more later: without a still, those frames show an
 * empty sea under the old route. With it, the old picture stays until the new one is complete.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

/** Longest a still is held, should the map never settle (a basemap tier that fails to load). */
const LONGEST_MS = 1500;

/** A copy of the map's canvas as it is drawn now (only valid in the task that drew it). */
function copyCanvas(gl: HTMLCanvasElement, into = document.createElement('canvas')): HTMLCanvasElement {
  if (into.width !== gl.width || into.height !== gl.height) [into.width, into.height] = [gl.width, gl.height];
  into.getContext('2d')?.drawImage(gl, 0, 0);
  return into;
}

/** The map's picture at its camera now, drawn once more to be copied (a frame's cost). */
function pictureNow(map: MapLibreMap): HTMLCanvasElement {
  // Drawn now, so the picture can be copied before the browser clears the drawing buffer.
  map.redraw();
  return copyCanvas(map.getCanvas());
}

/**
 * Holds the map's next frame over it (`holdStill`), then runs `then`, both in the task that draws
 * that frame, while its drawing buffer still holds it. The old picture drawn once more and copied
 * in the task that changed the step (as `pictureNow` does) made that task the longest of a
 * scroll: 391 ms on the bench's phone, with software WebGL at 4× CPU. Returns a way to call it
 * off before that frame.
 */
export function holdNextPicture(map: MapLibreMap, then: () => void): () => void {
  const hold = () => {
    holdStill(map, copyCanvas(map.getCanvas()));
    then();
  };
  map.once('render', hold);
  map.triggerRepaint();
  return () => void map.off('render', hold);
}

/**
 * Keeps a copy of the map's last whole picture, taken as the map goes idle (inside the frame that
 * drew it, while its drawing buffer still holds it). A step change then covers the map with that
 * copy, instead of drawing the old picture once more only to copy it: with software WebGL that
 * extra frame was 50–150 ms of every reduced-motion step change at 4× CPU. A frame drawn since
 * (a route growing, a resize) makes the copy stale, and the old way is taken.
 */
export class LastPicture {
  private copy: HTMLCanvasElement | undefined;
  private fresh = false;
  private readonly stale = () => (this.fresh = false);
  private readonly keep = () => {
    this.copy = copyCanvas(this.map.getCanvas(), this.copy);
    this.fresh = true;
  };

  constructor(private readonly map: MapLibreMap) {
    // 'render' comes before 'idle' in the frame that ends a change: the copy is of that frame.
    map.on('render', this.stale);
    map.on('idle', this.keep);
  }

  /** The picture on screen now, as a canvas of its own (taken from the keeper: it starts anew). */
  take(): HTMLCanvasElement {
    const picture = this.fresh && this.copy ? this.copy : undefined;
    this.copy = undefined;
    this.fresh = false;
    return picture ?? pictureNow(this.map);
  }

  stop() {
    this.map.off('render', this.stale);
    this.map.off('idle', this.keep);
  }
}

/** Covers the map with `copy` (what it shows now, `LastPicture.take`), until it next goes idle. */
export function holdStill(map: MapLibreMap, copy: HTMLCanvasElement): void {
  const container = map.getContainer();
  container.querySelector(':scope > .map-still')?.remove();
  copy.style.cssText = 'width: 100%; height: 100%; display: block';
  // The markers are HTML over the canvas: copied as they look (a span, with none of the button's
  // hooks, so nothing can focus, click or find the copy as a marker).
  const markers = [...container.querySelectorAll<HTMLElement>('.maplibregl-marker')].map((m) => {
    const span = document.createElement('span');
    span.className = m.className;
    span.style.cssText = m.style.cssText;
    if (m.dataset.active) span.dataset.active = m.dataset.active;
    span.innerHTML = m.innerHTML;
    return span;
  });
  const still = document.createElement('div');
  still.className = 'map-still';
  still.setAttribute('aria-hidden', 'true');
  still.inert = true;
  // Over the canvas and under everything placed on the map: the real markers (markers.ts gives
  // them z-index 1 and 2), already where the next step puts them, are hidden meanwhile (app.css,
  // `[data-held]`), and stay reachable through it; the key, the inset and the timeline stay in view.
  still.style.cssText = 'position: absolute; inset: 0; z-index: 0; pointer-events: none; overflow: hidden';
  still.append(copy, ...markers);
  container.append(still);
  container.dataset.held = '';
  const release = () => {
    still.remove();
    // A still put up since (a quick second step change) keeps the markers hidden until its own end.
    if (!container.querySelector(':scope > .map-still')) delete container.dataset.held;
    clearTimeout(timer);
    map.off('idle', release);
  };
  const timer = setTimeout(release, LONGEST_MS);
  map.once('idle', release);
}
