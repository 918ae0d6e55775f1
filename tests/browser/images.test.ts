/**
 * Story images in a real Chromium, on a site built from tests/fixtures/images (a step's image and
 * an event's, both the committed 1100×733 harbour.jpg): in the card and the detail view with
 * their alt text and credit, in a modern format, no taller than 30% of a phone's screen in the
 * card, with their box kept before the file arrives, and in the page without JavaScript.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { buildSite } from '../build-site.ts';
import { scratchDir } from '../scratch.ts';
import { launch, openStory, serveSite, watch, type Site } from './harness.ts';

const PHONE = { width: 390, height: 844 };
const STEP_ALT = 'A quay under a pale sky, with a yellow sun';
const EVENT_ALT = 'Boats moored in the harbour at dawn';

let dir: string;
let site: Site;
let browser: Browser;

beforeAll(async () => {
  dir = scratchDir('images-site');
  await buildSite('tests/fixtures/images', 'harbour', dir, 'http://127.0.0.1:4173/');
  [site, browser] = await Promise.all([serveSite(dir), launch()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The image with `alt`, once loaded: its box, the file chosen, and the credit beside it. */
async function shown(page: Page, alt: string) {
  const img = page.locator(`img[alt="${alt}"]`).first();
  await img.scrollIntoViewIfNeeded();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  return img.evaluate((el: HTMLImageElement) => ({
    height: el.getBoundingClientRect().height,
    file: new URL(el.currentSrc).pathname,
    lazy: el.loading,
    credit: el.closest('figure')?.querySelector('figcaption')?.textContent ?? '',
  }));
}

describe('an image in a story', () => {
  it('shows in the step’s card, in AVIF, at most 30% of a phone’s screen tall, with its credit', async () => {
    // A short phone: at full width the photo would be 220 px tall, more than 30% of 600 px.
    const small = { width: 390, height: 600 };
    const page = await browser.newPage({ viewport: small, reducedMotion: 'reduce' });
    const watched = watch(page, site.url);
    await openStory(page, `${site.url}/harbour/`);
    const image = await shown(page, STEP_ALT);
    expect(image.file).toMatch(/\.avif$/);
    expect(image.lazy).toBe('lazy');
    expect(image.height).toBeGreaterThan(100);
    expect(image.height).toBeLessThanOrEqual(small.height * 0.3 + 1);
    expect(image.credit).toContain('The quay, seen from the water.');
    expect(image.credit).toContain('Image: Step Photographer / Wire');
    expect(watched.errors).toEqual([]);
    expect(watched.foreign).toEqual([]);
    await page.close();
  });

  it('keeps its box from the first paint: nothing moves when the file arrives', async () => {
    const page = await browser.newPage({ viewport: PHONE, reducedMotion: 'reduce' });
    // No image file ever arrives: the box must still have the image's proportions.
    await page.route(/\.(avif|webp|jpe?g)$/, (route) => route.abort());
    await openStory(page, `${site.url}/harbour/`);
    const box = await page.locator(`img[alt="${STEP_ALT}"]`).evaluate((el) => el.getBoundingClientRect());
    expect(box.width).toBeGreaterThan(100);
    expect(box.height).toBeGreaterThan(box.width * 0.5);
    await page.close();
  });

  it('shows an event’s image in its detail view', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
    await openStory(page, `${site.url}/harbour/`);
    await page.locator('button[data-event="patrol"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ state: 'visible' });
    const image = await shown(page, EVENT_ALT);
    expect(image.credit).toContain('Image: Event Photographer / Wire');
    expect(await dialog.locator(`img[alt="${EVENT_ALT}"]`).count()).toBe(1);
    await page.close();
  });

  it('prints, the step’s and the event’s', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
    await openStory(page, `${site.url}/harbour/`);
    // Lazy images load as they near the screen; a reader printing has scrolled to them, or the
    // browser loads them for the printout.
    for (const alt of [STEP_ALT, EVENT_ALT]) await shown(page, alt);
    await page.emulateMedia({ media: 'print' });
    for (const alt of [STEP_ALT, EVENT_ALT]) {
      const box = await page.locator(`img[alt="${alt}"]`).first().boundingBox();
      expect(box?.width ?? 0, `${alt} printed`).toBeGreaterThan(50);
    }
    await page.close();
  });

  it('is in the page without JavaScript, the step’s and the event’s', async () => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/harbour/`);
    for (const alt of [STEP_ALT, EVENT_ALT]) expect((await shown(page, alt)).file).toMatch(/\.avif$/);
    await context.close();
  });
});
