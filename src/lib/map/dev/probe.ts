/**
 * `npm run dev`'s camera helper: the page as a reader of another screen size has it. A hidden
 * frame of that size loads this same page (without its live map: MapView skips it in a frame
 * with this name), goes to the step with the page's own `storyMap.goTo` (its reading position),
 * and is measured there with the kit's own `measureCovers`, as the page measures itself. The
 * timeline, the key, the locator's slot and the step's card are thus the real ones at that width,
 * not guesses. A frame has no notch or home bar (the page does not ask for `viewport-fit=cover`,
 * so a phone gives it none either).
 */
import type { Viewport } from '../../geo/camera.ts';
import { measureCovers, type Covers } from '../../ui/measureCovers.ts';
import type { StoryMapApi } from '../../api.ts';

/** The name of a measuring frame: its page loads no live map and no helper. */
export const PROBE_NAME = 'storymap-camera-probe';

export interface Measured {
  /** The reader's map (its size, as the live map would have it). */
  map: Viewport;
  covers: Covers;
}

export interface Probe {
  /** What covers the reader's map at the step's reading position; undefined if the page never answered. */
  measure(stepId: string): Promise<Measured | undefined>;
  remove(): void;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function openProbe(size: Viewport): Probe {
  const frame = document.createElement('iframe');
  frame.name = PROBE_NAME;
  frame.src = location.pathname + location.search;
  frame.title = 'Measuring frame';
  frame.tabIndex = -1;
  frame.inert = true;
  frame.setAttribute('aria-hidden', 'true');
  // In the viewport (a frame out of sight may not be laid out or animated) but invisible.
  frame.style.cssText =
    `position:fixed;left:0;top:0;width:${size.width}px;height:${size.height}px;` +
    'border:0;opacity:0;pointer-events:none;z-index:-1';
  document.body.append(frame);

  async function api(): Promise<{ win: Window; storyMap: StoryMapApi } | undefined> {
    for (let i = 0; i < 200; i++) {
      const win = frame.contentWindow;
      if (!frame.isConnected) return undefined;
      if (win?.storyMap && win.document.readyState === 'complete') return { win, storyMap: win.storyMap };
      await wait(50);
    }
    return undefined;
  }

  // One measurement at a time: a step asked for while another is measured waits for it.
  let queue: Promise<unknown> = Promise.resolve();
  async function measureNow(stepId: string): Promise<Measured | undefined> {
    const page = await api();
    if (!page || !page.storyMap.steps.includes(stepId)) return undefined;
    await page.storyMap.goTo(stepId);
    const doc = page.win.document;
    const stage = doc.querySelector<HTMLElement>('.stage');
    const section = doc.querySelector<HTMLElement>('.scrolly');
    const canvas = doc.querySelector<HTMLElement>('[data-testid="map-canvas"]');
    if (!stage || !section || !canvas) return undefined;
    // At the reading position: nothing left to shift.
    const covers = measureCovers({ stage, section, step: doc.getElementById(stepId), shift: 0 });
    return { map: { width: canvas.clientWidth, height: canvas.clientHeight }, covers };
  }

  return {
    measure(stepId) {
      const next = queue.then(() => measureNow(stepId)).catch(() => undefined);
      queue = next;
      return next;
    },
    remove: () => frame.remove(),
  };
}
