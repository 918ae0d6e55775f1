/**
 * What the page should show for a step, computed in node from the same pure functions the page
 * uses, and helpers to wait for the map to settle there.
 */
import type { Frame, Page } from 'playwright-core';
import { cameraTarget, type CameraTarget, type Padding } from '../../src/lib/geo/camera.ts';
import type { Story } from '../../src/lib/story/model.ts';
import { triggerFraction } from '../../src/lib/scroll/active.ts';
import type { PageData } from '../../src/lib/story/page-data.ts';
import { PAGE_IDS } from '../../src/lib/page-ids.ts';

export async function storyOf(page: Page | Frame): Promise<Story> {
  const text = await page.locator(`#${PAGE_IDS.data}`).textContent();
  return (JSON.parse(text ?? '{}') as PageData).story;
}

/** The frame the page gave the step it shows (the map's part nothing covers, as MapLibre padding). */
export interface MapFrame {
  step: string;
  padding: Padding;
  width: number;
  height: number;
}

async function frameOf(page: Page | Frame): Promise<MapFrame | undefined> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLElement>('[data-testid="map-canvas"]');
    const frame = canvas?.dataset.frame;
    if (!canvas || !frame) return undefined;
    return {
      ...(JSON.parse(frame) as { step: string; padding: Padding }),
      width: canvas.clientWidth,
      height: canvas.clientHeight,
    };
  });
}

/**
 * The camera a step must settle at, computed in node from the same pure functions the page uses,
 * for the frame the page measured for it (what its card, timeline and key leave free). The frame
 * is known once the step is active, so this is a recipe that `waitForCamera` completes.
 */
export type Expected = (frame: MapFrame) => CameraTarget;

export async function expectedCamera(_page: Page | Frame, story: Story, stepId: string): Promise<Expected> {
  const step = story.steps.find((s) => s.id === stepId);
  if (!step) throw new Error(`no step ${stepId}`);
  return (frame) => cameraTarget(step.camera, frame, frame.padding);
}

/** The camera the active step `stepId` must settle at now (once it is active). */
export async function targetNow(page: Page | Frame, story: Story, stepId: string): Promise<CameraTarget> {
  const expected = await expectedCamera(page, story, stepId);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const frame = await frameOf(page);
    if (frame?.step === stepId) return expected(frame);
    if (Date.now() > deadline) throw new Error(`the map never framed ${stepId} (it framed ${frame?.step})`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

const distance = (cam: CameraTarget, target: CameraTarget) => {
  const world = 512 * 2 ** target.zoom;
  const x = (lng: number) => ((lng + 180) / 360) * world;
  const y = (lat: number) => ((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * world;
  // 180° and -180° are one meridian: compare the nearest copies of the two centres.
  const dx = ((((x(cam.center[0]) - x(target.center[0])) % world) + world * 1.5) % world) - world / 2;
  return Math.hypot(dx, y(cam.center[1]) - y(target.center[1]));
};

/** What `waitForCamera` reads of the page: the active step, the camera, whether it moves, the frame. */
interface MapState {
  step?: string;
  camera?: CameraTarget;
  moving?: string | null;
  frame?: MapFrame;
}

/**
 * The page's state once step `stepId` is active, the map still and framed for it, or after `ms`
 * if that never happens. The wait runs in the page, so it sees the first frame that qualifies
 * rather than the next poll from node, and costs one round trip instead of one every 50 ms.
 */
function stillAt(page: Page | Frame, stepId: string, ms: number): Promise<MapState> {
  return page.evaluate(
    async ({ stepId, ms }) => {
      const read = () => {
        const canvas = document.querySelector<HTMLElement>('[data-testid="map-canvas"]');
        const frame = canvas?.dataset.frame;
        return {
          step: window.storyMap?.activeStep(),
          camera: window.storyMap?.camera(),
          moving: canvas?.getAttribute('data-moving'),
          frame:
            canvas && frame
              ? {
                  ...(JSON.parse(frame) as { step: string; padding: Padding }),
                  width: canvas.clientWidth,
                  height: canvas.clientHeight,
                }
              : undefined,
        };
      };
      const end = performance.now() + ms;
      let state = read();
      while (!(state.step === stepId && state.moving === 'false' && state.frame?.step === stepId)) {
        if (performance.now() > end) break;
        await new Promise((ok) => setTimeout(ok, 10));
        state = read();
      }
      return state;
    },
    { stepId, ms },
  );
}

/**
 * Waits until the active step is `stepId`, the map is still, and its camera is within tolerance
 * of the target: 2 screen pixels at the target zoom for the centre (either side of 180°), 0.02 for
 * zoom, 0.5° for angles. The patience is generous (20 s): a flight on a loaded machine is slow.
 */
export async function waitForCamera(
  page: Page | Frame,
  stepId: string,
  target: Expected | CameraTarget,
): Promise<void> {
  const deadline = Date.now() + 20_000;
  let last: unknown;
  for (;;) {
    const state = await stillAt(page, stepId, Math.max(0, Math.min(1000, deadline - Date.now())));
    const frame = state.frame;
    last = state;
    if (state.step === stepId && state.moving === 'false' && state.camera && frame?.step === stepId) {
      const want = typeof target === 'function' ? target(frame) : target;
      const cam = state.camera;
      last = { ...state, want };
      if (
        distance(cam, want) <= 2 &&
        Math.abs(cam.zoom - want.zoom) <= 0.02 &&
        Math.abs(cam.bearing - want.bearing) <= 0.5 &&
        Math.abs(cam.pitch - want.pitch) <= 0.5
      )
        return;
      // Still but elsewhere: a flight about to start, or one that stopped short. Look again soon.
      await new Promise((ok) => setTimeout(ok, 50));
    }
    if (Date.now() > deadline) throw new Error(`map did not settle at ${stepId}; it shows ${JSON.stringify(last)}`);
  }
}

/** Event ids the markers that stand out show right now (a marker shared by several lists the step's). */
export async function activeMarkers(page: Page | Frame): Promise<string[]> {
  return page.$$eval('button[data-event][data-active="true"]', (els) =>
    els.flatMap((el) => ((el as HTMLElement).dataset.activeEvents ?? '').split(' ')).sort(),
  );
}

/** Scrolls the window (as a reader would, not through the API) so step `i` sits on the trigger line. */
export async function scrollToStep(page: Page, stepId: string): Promise<void> {
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
  const fraction = triggerFraction(width, height);
  await page.evaluate(
    ({ id, fraction }) => {
      const el = document.getElementById(id);
      if (!el) throw new Error(`no step element ${id}`);
      const r = el.getBoundingClientRect();
      const trigger = window.innerHeight * fraction;
      window.scrollTo({ top: window.scrollY + r.top + r.height / 2 - trigger, behavior: 'instant' });
    },
    { id: stepId, fraction },
  );
}
