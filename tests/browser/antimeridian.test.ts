/**
 * The Pacific fixture story (tests/fixtures/site/pacific-relief.yaml), set on both sides of 180°,
 * in a real Chromium: every step's camera is sane and the same whether the reader scrolls to it,
 * a host calls goTo, or a deep link opens it; and no shape or route draws a streak across the map.
 * Cameras jump (reduced motion) so that 40 steps settle quickly; the targets are the same.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openStory, showing, watch, type Watch } from './harness.ts';
import { useSite } from './setup.ts';
import { expectedCamera, scrollToStep, storyOf, targetNow, waitForCamera } from './expect.ts';
import { containsPoint } from '../../src/lib/geo/bbox.ts';
import type { Story } from '../../src/lib/story/model.ts';
import type { CameraTarget } from '../../src/lib/geo/camera.ts';
import { pngThinRows } from './streaks.ts';

const env = useSite();

const PATH = '/pacific-relief/';
const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1440, height: 900 },
];

describe.each(SIZES)('the Pacific story on a $name', ({ width, height }) => {
  let page: Page;
  let watched: Watch;
  let story: Story;

  async function open(hash = '') {
    page = await env.browser.newPage({ viewport: { width, height }, reducedMotion: 'reduce' });
    watched = watch(page, env.site.url);
    await openStory(page, `${env.site.url}${PATH}${hash}`);
    story = await storyOf(page);
  }

  afterEach(async () => {
    expect(watched.errors, 'console errors').toEqual([]);
    expect(watched.foreign, 'requests to other hosts').toEqual([]);
    await page?.close();
  });

  const camera = () => page.evaluate(() => window.storyMap?.camera()) as Promise<CameraTarget>;

  it('frames every step the short way round, the same by scroll, goTo and deep link, with no streak', async () => {
    await open();
    const byScroll = new Map<string, CameraTarget>();
    for (const step of story.steps) {
      await scrollToStep(page, step.id);
      await waitForCamera(page, step.id, await expectedCamera(page, story, step.id));
      const target = await targetNow(page, story, step.id);
      byScroll.set(step.id, await camera());
      // A fit across 180° frames its places, not the whole world centred on Africa: the camera is
      // in the box, and the box fills much of the map unless maxZoom held the camera back.
      if (step.camera.kind === 'fit') {
        const [west, south, east, north] = step.camera.bbox;
        expect(containsPoint(step.camera.bbox, target.center), `${step.id} centre in its box`).toBe(true);
        const map = await page.locator('[data-testid="map-canvas"]').boundingBox();
        const world = 512 * 2 ** target.zoom;
        const y = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI);
        const fills = Math.max(
          (((east - west) / 360) * world) / (map?.width ?? 1),
          ((y(north) - y(south)) * world) / (map?.height ?? 1),
        );
        if (target.zoom < step.camera.maxZoom - 0.01) expect(fills, `${step.id} fills the map`).toBeGreaterThan(0.3);
      }
    }
    // goTo in reverse order, so every step is reached from another one. Each step is photographed
    // for streaks here too, rather than on another page going to every step again: only the
    // canvas is looked at, the HTML markers, timeline and key hidden (visibility keeps the layout
    // the frames are measured from, so the cameras are the same).
    await page.addStyleTag({ content: '.timeline-slot, .marker, details, .legend { visibility: hidden !important; }' });
    const streaks: string[] = [];
    for (const step of [...story.steps].reverse()) {
      await page.evaluate((id) => window.storyMap?.goTo(id), step.id);
      await waitForCamera(page, step.id, await expectedCamera(page, story, step.id));
      // The step's own picture, not the still of the step before held over it until its tiles are in.
      await showing(page, step.id);
      const rows = pngThinRows(await page.locator('[data-testid="map-canvas"]').screenshot());
      if (rows.length) streaks.push(`${step.id}: rows ${rows.join(', ')}`);
    }
    expect(streaks, 'thin lines across most of the map').toEqual([]);
    // Deep links: a fresh page for every fourth step, and for each step across 180°.
    const across = story.steps.filter((s, i) => i % 4 === 0 || (s.camera.kind === 'fit' && s.camera.bbox[2] > 180));
    for (const step of across) {
      await page.goto('about:blank');
      await openStory(page, `${env.site.url}${PATH}#${step.id}`);
      await waitForCamera(page, step.id, await expectedCamera(page, story, step.id));
    }
    expect(byScroll.size).toBe(story.steps.length);
    // 40 steps scrolled to, gone to and photographed, and 21 page loads, on a machine rendering WebGL in software.
  }, 600_000);
});
