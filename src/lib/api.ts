/**
 * `window.storyMap`: the small read-only contract that tests and embedding hosts rely on
 * (documented in the README). Step changes are announced as `storymap:step` events on window.
 */
import type { CameraTarget } from './geo/camera.ts';

export interface StoryMapApi {
  /** Resolves when the map first goes idle (or at once if the map is unavailable). */
  readonly ready: Promise<void>;
  activeStep(): string;
  camera(): CameraTarget | undefined;
  readonly steps: readonly string[];
  readonly events: readonly string[];
  /** Scrolls the page to the step; resolves when the page is there and the step is active. */
  goTo(stepId: string): Promise<void>;
  /**
   * The viewport pixels `[x, y]` where the point `[lng, lat]` is drawn now (the copy nearest the
   * map's centre), or null while there is no interactive map. Pixels are the page's CSS pixels,
   * from the top-left of this page's viewport (inside an iframe: the frame's).
   */
  project(point: readonly [number, number]): [number, number] | null;
}

declare global {
  interface Window {
    storyMap?: StoryMapApi;
  }
}

export function installApi(api: StoryMapApi): void {
  Object.defineProperty(window, 'storyMap', {
    value: Object.freeze({ ...api, steps: Object.freeze([...api.steps]), events: Object.freeze([...api.events]) }),
    writable: false,
    configurable: true,
  });
}

export function announceStep(id: string): void {
  window.dispatchEvent(new CustomEvent('storymap:step', { detail: { id } }));
}
