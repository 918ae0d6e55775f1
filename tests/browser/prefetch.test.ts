/**
 * The live map's files fetched ahead (src/lib/map/prefetch.ts): while the reader reads the
 * opening, the map's code, worker, fonts and basemap come into the cache without the map starting;
 * at the first move the map starts from there, and nothing is downloaded twice. Not for a reader
 * who saves data, and not for an embed the reader has not reached.
 */
import { posix } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import {
  DIST,
  launch,
  mapReady,
  serveHosts,
  serveSite,
  waitForFrame,
  watch,
  type Site,
  type Watch,
} from './harness.ts';

let site: Site;
let hosts: Site;
let browser: Browser;
let page: Page;
let watched: Watch;
/** Every response of the story's server, as `status path`. */
const served: string[] = [];

beforeAll(async () => {
  [site, hosts, browser] = await Promise.all([serveSite(DIST, served), serveHosts(), launch()]);
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([site?.close(), hosts?.close()]);
});
afterEach(async () => {
  expect(watched.errors, 'console errors').toEqual([]);
  await page?.close();
});

/** The map's files: its code and worker, and the story's basemap. */
const MAP_FILES = [
  /\/assets\/controller-[^/]*\.js$/,
  /\/assets\/maplibre-gl-worker-[^/]*\.mjs$/,
  /\/assets\/basemap-[^.]*\.json$/,
];
const hits = (file: RegExp) => served.filter((s) => file.test(s.split(' ')[1] ?? ''));

/**
 * Returns once the page has loaded and been idle, and what its idle work started has run (no
 * animation frame: Chromium draws none in a frame out of sight).
 */
const idleAfterLoad = (target: Page | Frame) =>
  target.evaluate(async () => {
    if (document.readyState !== 'complete') await new Promise((done) => addEventListener('load', done, { once: true }));
    await new Promise((done) => requestIdleCallback(() => setTimeout(done, 250)));
  });
const prefetched = (target: Page | Frame) =>
  target.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel="prefetch"]')].map((l) => l.href));

async function open(path: string, init?: () => void): Promise<void> {
  page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  watched = watch(page, site.url);
  if (init) await page.addInitScript(init);
  served.length = 0;
  await page.goto(`${site.url}${path}`);
}

describe("the live map's files", () => {
  it('come while the opening is read, without the map starting; the map then starts from them, each fetched once', async () => {
    await open('/pacific-relief/');
    await idleAfterLoad(page);
    expect(await prefetched(page), 'asked for ahead').toEqual(
      expect.arrayContaining(MAP_FILES.map((file) => expect.stringMatching(file))),
    );
    for (const file of MAP_FILES) await expect.poll(() => hits(file), { message: `${file} fetched` }).toHaveLength(1);
    // Bytes only: the map's code has not run, and the static map is still the map.
    expect(await page.locator('[data-testid="map-canvas"] canvas').count(), 'a live map').toBe(0);
    expect(await page.evaluate(() => document.querySelector('[data-testid="map-still"]') !== null)).toBe(true);

    await mapReady(page);
    // Downloaded once: a second request may only ask whether the copy is current (a 304, no body),
    // as it does from a host that does not mark the hashed files as never changing.
    for (const file of MAP_FILES) {
      const [first, ...again] = hits(file);
      expect(first, `${file} fetched`).toMatch(/^200 /);
      expect(again, `${file} downloaded again`).toEqual(again.map(() => expect.stringMatching(/^304 /)));
    }
    // Fonts: the page's own two, cut to the story's characters (subset-fonts.ts), each once; the
    // map draws its town names with the regular one, and no text with a whole font.
    const pageFonts = [...(await page.content()).matchAll(/url\(([^)]+\.woff2)\)/g)].map((m) =>
      posix.basename(m[1] ?? ''),
    );
    expect(pageFonts).toHaveLength(2);
    const fonts = served.filter((s) => s.endsWith('.woff2')).map((s) => `${s.split(' ')[0]} ${posix.basename(s)}`);
    expect(fonts.filter((f) => f.startsWith('200 ')).sort(), 'fonts downloaded').toEqual(
      pageFonts.map((f) => `200 ${f}`).sort(),
    );
    expect(watched.foreign).toEqual([]);
  });

  it('are not fetched ahead for a reader who saves data, and come at the first move', async () => {
    await open('/pacific-relief/', () =>
      Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true }),
    );
    await idleAfterLoad(page);
    expect(await prefetched(page)).toEqual([]);
    expect(hits(MAP_FILES[0] as RegExp), 'the map code before the first move').toEqual([]);
    await mapReady(page);
    for (const file of MAP_FILES) expect(hits(file), `${file} at the first move`).toHaveLength(1);
  });

  it('are not fetched ahead by an embed further down the article until the reader reaches it', async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    watched = watch(page, hosts.url);
    watched.foreign = [];
    served.length = 0;
    await page.goto(`${hosts.url}/fixed.html?below=3000&story=${encodeURIComponent(`${site.url}/`)}`);
    const frame = await waitForFrame(page);
    await idleAfterLoad(frame);
    expect(await prefetched(frame), 'asked for by a frame out of sight').toEqual([]);
    expect(hits(MAP_FILES[0] as RegExp)).toEqual([]);
    // The reader scrolls the article until the frame is in sight (the host's scroll, not the frame's).
    await page.evaluate(() => document.getElementById('frame')?.scrollIntoView({ block: 'center' }));
    await frame.waitForFunction(() => document.querySelectorAll('link[rel="prefetch"]').length > 0);
    for (const file of MAP_FILES) await expect.poll(() => hits(file), { message: `${file} fetched` }).toHaveLength(1);
  });
});
