/**
 * What the page should show for a step, computed in node from the same pure functions the page
 * uses, and helpers to wait for the map to settle there.
 */
import type { Frame, Page } from 'playwright-core';
import { cameraTarget, framePadding, type CameraTarget } from '../../src/lib/geo/camera.ts';
import type { Story } from '../../src/lib/story/model.ts';
import { isWide, triggerFraction } from '../../src/lib/scroll/active.ts';
import type { PageData } from '../../src/lib/story/page-data.ts';
import { PAGE_IDS } from '../../src/lib/page-ids.ts';

export async function storyOf(page: Page | Frame): Promise<Story> {
  const text = await page.locator(`#${PAGE_IDS.data}`).textContent();
  return (JSON.parse(text ?? '{}') as PageData).story;
}

/** The camera the step must settle at, for the map's size and the timeline above it. */
export async function expectedCamera(page: Page | Frame, story: Story, stepId: string): Promise<CameraTarget> {
  const step = story.steps.find((s) => s.id === stepId);
  if (!step) throw new Error(`no step ${stepId}`);
  const size = await page.evaluate(() => {
    const canvas = document.querySelector<HTMLElement>('[data-testid="map-canvas"]');
    const timeline = document.querySelector<HTMLElement>('.timeline-slot');
    return {
      width: canvas?.clientWidth ?? 0,
      height: canvas?.clientHeight ?? 0,
      top: timeline?.offsetHeight ?? 0,
      window: [window.innerWidth, window.innerHeight] as const,
    };
  });
  const viewport = { width: size.width, height: size.height };
  const wide = isWide(...size.window);
  return cameraTarget(step.camera, viewport, framePadding(viewport, size.top, wide));
}

/**
 * Waits until the active step is `stepId`, the map is still, and its camera is within tolerance
 * of `target`: 2 screen pixels at the target zoom for the centre (either side of 180°), 0.02 for
 * zoom, 0.5° for angles.
 */
export async function waitForCamera(page: Page | Frame, stepId: string, target: CameraTarget): Promise<void> {
  try {
    await page.waitForFunction(
      ({ stepId, target }) => {
        const api = window.storyMap;
        const canvas = document.querySelector('[data-testid="map-canvas"]');
        const cam = api?.camera();
        if (!api || !cam || api.activeStep() !== stepId || canvas?.getAttribute('data-moving') !== 'false')
          return false;
        const world = 512 * 2 ** target.zoom;
        const x = (lng: number) => ((lng + 180) / 360) * world;
        const y = (lat: number) =>
          ((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * world;
        // 180° and -180° are one meridian: compare the nearest copies of the two centres.
        const dx = ((((x(cam.center[0]) - x(target.center[0])) % world) + world * 1.5) % world) - world / 2;
        const dy = y(cam.center[1]) - y(target.center[1]);
        return (
          Math.hypot(dx, dy) <= 2 &&
          Math.abs(cam.zoom - target.zoom) <= 0.02 &&
          Math.abs(cam.bearing - target.bearing) <= 0.5 &&
          Math.abs(cam.pitch - target.pitch) <= 0.5
        );
      },
      { stepId, target },
      { timeout: 20_000 },
    );
  } catch {
    const state = await page.evaluate(() => ({
      step: window.storyMap?.activeStep(),
      camera: window.storyMap?.camera(),
    }));
    throw new Error(`map did not settle at ${stepId} ${JSON.stringify(target)}; it shows ${JSON.stringify(state)}`);
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
