/**
 * The map's picture held still while the next step's loads. For a reader who asked for reduced
 * motion the camera jumps, and so it does with motion where a flight would be too long
 * (controller.ts `moveCamera`). MapLibre's worker sends the new routes and the basemap's tiles for
 * the new place a frame or more later: drawn meanwhile, those frames show an empty sea under the
 * old route. Held, the old picture stays until the new one is complete, and then comes whole.
 *
 * Nothing is copied. MapLibre goes on loading tiles and placing labels at the new camera, but
 * draws nothing (its painter is idle), and a WebGL canvas shows the last frame drawn on it until
 * it is drawn again. A copy of the canvas (a 2D canvas's `drawImage`, or `createImageBitmap`)
 * makes the browser wait for the frame to be drawn and then copies its pixels: 140–190 ms of the
 * step change's task on the bench's phone (software WebGL, 4× CPU), the longest task of a scroll
 * through the story, and for reduced motion a copy after every step as well.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

/** Longest a picture is held, should the map never settle (a basemap tier that fails to load). */
const LONGEST_MS = 1500;

/** The map's painter, of which only the drawing is stopped and started again. */
type Painter = MapLibreMap['painter'];

export class HeldPicture {
  /** MapLibre's own `render` of the painter, while it is replaced by one that draws nothing. */
  private draw: Painter['render'] | undefined;
  /** Over the map while held: the markers as they were (the real ones already stand anew). */
  private still: HTMLElement | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly letGo = () => this.release();
  private readonly unveil = () => {
    this.still?.remove();
    this.still = undefined;
    delete this.map.getContainer().dataset.held;
  };

  constructor(private readonly map: MapLibreMap) {}

  /**
   * Holds what the map shows now until it next goes idle: call it in the task that moved the
   * camera, before the map's next frame. Held already (a quick second step change), the picture
   * from before the first change stays, the one on screen.
   */
  hold(): void {
    const { map } = this;
    const container = map.getContainer();
    this.still ??= markersAsTheyAre(container);
    container.dataset.held = '';
    // Let go but not yet drawn: that frame is called off, the picture on screen is still the old one.
    map.off('render', this.unveil);
    if (!this.draw) {
      const painter = map.painter;
      this.draw = painter.render;
      painter.render = () => {};
      this.timer = setTimeout(this.letGo, LONGEST_MS);
      map.on('idle', this.letGo);
      // A flight or a drag starting (the picture would stand while the camera flies), or a new
      // size (the canvas is cleared): both are drawn as they happen.
      map.on('movestart', this.letGo);
      map.on('resize', this.letGo);
    }
    // Nothing new to load (the same camera, a change MapLibre draws at once) still ends in `idle`.
    map.triggerRepaint();
  }

  /** Draws again: the whole new picture in the next frame, and the still goes in that frame. */
  release(): void {
    if (!this.draw) return;
    const { map } = this;
    map.painter.render = this.draw;
    this.draw = undefined;
    clearTimeout(this.timer);
    map.off('idle', this.letGo);
    map.off('movestart', this.letGo);
    map.off('resize', this.letGo);
    map.once('render', this.unveil);
    map.triggerRepaint();
  }

  /** Lets go at once, the still with it: the map is being taken away and draws no more frames. */
  stop(): void {
    this.release();
    this.map.off('render', this.unveil);
    this.unveil();
  }
}

/**
 * The markers copied as they look (spans, with none of the button's hooks, so nothing can focus,
 * click or find the copy as a marker), over the canvas and under everything placed on the map.
 */
function markersAsTheyAre(container: HTMLElement): HTMLElement {
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
  // The real markers (markers.ts gives them z-index 1 and 2), already where the next step puts
  // them, are hidden meanwhile (app.css, `[data-held]`), and stay reachable through it; the key,
  // the inset and the timeline stay in view over it.
  still.style.cssText = 'position: absolute; inset: 0; z-index: 0; pointer-events: none; overflow: hidden';
  still.append(...markers);
  container.append(still);
  return still;
}
