/**
 * The Pacific fixture story (tests/fixtures/site/pacific-relief.yaml), set on both sides of 180°,
 * in a real Chromium: every step's camera is sane and the same whether the reader scrolls to it,
 * a host calls goTo, or a deep link opens it; and no shape or route draws a streak across the map.
 * Cameras jump (reduced motion) so that 40 steps settle quickly; the targets are the same.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openStory, serveSite, watch, type Site, type Watch } from './harness.ts';
import { expectedCamera, scrollToStep, storyOf, waitForCamera } from './expect.ts';
import { containsPoint } from '../../src/lib/geo/bbox.ts';
import type { Story } from '../../src/lib/story/model.ts';
import type { CameraTarget } from '../../src/lib/geo/camera.ts';
import { pngThinRows } from './streaks.ts';

let site: Site;
let browser: Browser;
beforeAll(async () => {
  [site, browser] = await Promise.all([serveSite(), launch()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

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
    page = await browser.newPage({ viewport: { width, height }, reducedMotion: 'reduce' });
    watched = watch(page, site.url);
    await openStory(page, `${site.url}${PATH}${hash}`);
    story = await storyOf(page);
  }

  afterEach(async () => {
    expect(watched.errors, 'console errors').toEqual([]);
    expect(watched.foreign, 'requests to other hosts').toEqual([]);
    await page?.close();
  });

  const camera = () => page.evaluate(() => window.storyMap?.camera()) as Promise<CameraTarget>;

  it('frames every step the short way round, the same by scroll, goTo and deep link', async () => {
    await open();
    const byScroll = new Map<string, CameraTarget>();
    for (const step of story.steps) {
      const target = await expectedCamera(page, story, step.id);
      await scrollToStep(page, step.id);
      await waitForCamera(page, step.id, target);
      byScroll.set(step.id, await camera());
      // A fit across 180° frames its places, not the whole world centred on Africa.
      if (step.camera.kind === 'fit') {
        expect(containsPoint(step.camera.bbox, target.center), `${step.id} centre in its box`).toBe(true);
        const [west, , east] = step.camera.bbox;
        if (east - west < 40) expect(target.zoom, `${step.id} zoom`).toBeGreaterThan(3);
      }
    }
    // goTo in reverse order, so every step is reached from another one.
    for (const step of [...story.steps].reverse()) {
      await page.evaluate((id) => window.storyMap?.goTo(id), step.id);
      await waitForCamera(page, step.id, await expectedCamera(page, story, step.id));
    }
    // Deep links: a fresh page for every fourth step, and for each step across 180°.
    const across = story.steps.filter((s, i) => i % 4 === 0 || (s.camera.kind === 'fit' && s.camera.bbox[2] > 180));
    for (const step of across) {
      await page.goto('about:blank');
      await openStory(page, `${site.url}${PATH}#${step.id}`);
      await waitForCamera(page, step.id, await expectedCamera(page, story, step.id));
    }
    expect(byScroll.size).toBe(story.steps.length);
  });

  it('draws no thin line across most of the map at any step', async () => {
    await open();
    // Only the canvas is looked at: the HTML markers, timeline and key are hidden.
    await page.addStyleTag({ content: '.timeline-slot, .marker, details, .legend { visibility: hidden !important; }' });
    const found: string[] = [];
    for (const step of story.steps) {
      await page.evaluate((id) => window.storyMap?.goTo(id), step.id);
      await waitForCamera(page, step.id, await expectedCamera(page, story, step.id));
      const shot = await page.locator('[data-testid="map-canvas"]').screenshot();
      const rows = pngThinRows(shot);
      if (rows.length) found.push(`${step.id}: rows ${rows.join(', ')}`);
    }
    expect(found).toEqual([]);
  });
});
