/**
 * The story when things go wrong: no JavaScript, no WebGL, the basemap or the map's code failing
 * to load, a lost graphics context, print, a storm of scrolls and resizes, short and tall screens,
 * and the CSP. In every case the whole story stays readable, and nothing is logged but what the
 * test itself broke.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { arrive, launch, mapReady, openStory, settled, showing } from './harness.ts';
import { useSite } from './setup.ts';
import { activeMarkers, expectedCamera, storyOf, waitForCamera } from './expect.ts';
import type { Story } from '../../src/lib/story/model.ts';
import { PAGE_IDS } from '../../src/lib/page-ids.ts';
import {
  DESKTOP,
  LANDSCAPE,
  PHONE,
  TABLET,
  cspLog,
  directive,
  expectImagesLoad,
  expectOneNotice,
  expectWholeStory,
  framedPlaces,
  lcg,
  located,
  recordCsp,
  scrollStill,
  stepUnderTrigger,
  watchStrict,
  type Strict,
} from './resilience-helpers.ts';

const PAGES = [
  { name: 'full page', path: '/' },
  { name: 'embed page', path: '/mss-haiti/embed/' },
];

const env = useSite();
let noWebgl: Browser;
let context: BrowserContext;
let page: Page;
let watched: Strict;
let story: Story;

beforeAll(async () => {
  noWebgl = await launch(['--disable-webgl', '--disable-3d-apis']);
});
afterAll(() => noWebgl?.close());
afterEach(async () => {
  expect(watched.errors, 'console errors').toEqual([]);
  expect(watched.foreign, 'requests to other hosts').toEqual([]);
  await context?.close();
});

/** `still`: the reader prefers reduced motion (the camera jumps, goTo scrolls at once). */
async function open(
  options: { from?: Browser; size?: typeof PHONE; js?: boolean; aborted?: RegExp; still?: boolean } = {},
) {
  const { width, height } = options.size ?? DESKTOP;
  context = await (options.from ?? env.browser).newContext({
    viewport: { width, height },
    javaScriptEnabled: options.js ?? true,
    reducedMotion: options.still ? 'reduce' : 'no-preference',
  });
  page = await context.newPage();
  watched = watchStrict(page, env.site.url, options.aborted);
  return page;
}

/**
 * What a reader without the interactive map must still get: everything, with static maps. The
 * page's warning must name `cause`, so the test knows the map failed the way it meant it to.
 */
async function expectFallback(cause: RegExp) {
  story = await storyOf(page);
  await expectOneNotice(page);
  const why = watched.warnings.filter((w) => w.startsWith('The interactive map is unavailable'));
  expect(why).toHaveLength(1);
  expect(why[0]).toMatch(cause);
  await expectWholeStory(page, story);
  await expectImagesLoad(page, '[data-step] img.step-map', story.steps.length);
  expect(await page.locator('[data-testid="map-canvas"]').count(), 'no live map left behind').toBe(0);
  expect(await page.locator('.notice').count(), 'still exactly one notice').toBe(1);
}

describe.each([PHONE, DESKTOP])('without JavaScript, on a $name', (size) => {
  it.each(PAGES)('the $name shows the whole story with a static map per step', async ({ path }) => {
    await open({ size, js: false });
    await page.goto(env.site.url + path);
    story = await storyOf(page);
    expect(await page.locator(`#${PAGE_IDS.app}.static`).count(), 'the script did not run').toBe(1);
    if (path === '/') expect(await page.locator('h1').textContent()).toBe(story.title);
    await expectWholeStory(page, story);
    await expectImagesLoad(page, '[data-step] img.step-map', story.steps.length);
    expect(await page.locator('.notice').count(), 'no notice without script').toBe(0);
  });
});

describe.each([PHONE, DESKTOP])('without WebGL, on a $name', (size) => {
  it.each(PAGES)('the $name says so once and unrolls the steps with static maps', async ({ path }) => {
    await open({ from: noWebgl, size });
    await openStory(page, env.site.url + path);
    expect(await page.evaluate(() => document.createElement('canvas').getContext('webgl2'))).toBeNull();
    await expectFallback(/WebGL/);
  });
});

describe('when the map cannot load', () => {
  it('reads on with static maps if the basemap request fails', async () => {
    const basemap = /\/assets\/basemap-[^/]*\.json$/;
    await open({ aborted: basemap });
    let aborted = 0;
    await page.route('**/assets/basemap-*.json', (route) => {
      aborted++;
      return route.abort();
    });
    await openStory(page, env.site.url + '/');
    await expectFallback(/basemap/);
    expect(aborted).toBeGreaterThan(0);
  });

  it('reads on with static maps if the map’s code fails to load', async () => {
    const chunk = /\/assets\/controller-[^/]*\.js$/;
    await open({ aborted: chunk });
    let aborted = 0;
    await page.route('**/assets/controller-*.js', (route) => {
      // Counted: the page's own import, not its fetch ahead of it (map/prefetch.ts), which fails too.
      if (route.request().headers()['sec-purpose'] !== 'prefetch') aborted++;
      return route.abort();
    });
    await openStory(page, env.site.url + '/');
    await expectFallback(/controller-.*\.js/);
    expect(aborted).toBe(1);
  });

  it.each([
    { name: 'is blocked', type: undefined },
    { name: 'comes as text/plain', type: 'text/plain' },
  ])('reads on with static maps if the map’s worker $name', async ({ type }) => {
    const worker = /\/assets\/maplibre-gl-worker-[^/?]*\.mjs(\?.*)?$/;
    await open({ aborted: worker });
    let served = 0;
    await page.route(worker, async (route) => {
      served++;
      if (!type) return route.abort();
      // A server that does not know .mjs: a module worker of any other type is refused.
      const response = await route.fetch();
      return route.fulfill({ response, headers: { ...response.headers(), 'content-type': type } });
    });
    // Not openStory: without the fix `ready` never resolves, and the notice says more than a timeout.
    await page.goto(env.site.url + '/');
    await arrive(page);
    await expectFallback(/worker/);
    expect(served).toBeGreaterThan(0);
    await mapReady(page);
  });

  it.each([PHONE, DESKTOP])('reads on with static maps after losing the WebGL context ($name)', async (size) => {
    await open({ size });
    await openStory(page, env.site.url + '/');
    expect(await page.locator('.notice').count()).toBe(0);
    await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="map-canvas"] canvas');
      const gl = canvas?.getContext('webgl2') ?? canvas?.getContext('webgl');
      const lose = gl?.getExtension('WEBGL_lose_context');
      if (!lose) throw new Error('no WEBGL_lose_context');
      lose.loseContext();
    });
    await expectFallback(/graphics context/);
  });
});

describe('print', () => {
  it('hides the live map and prints each step with its static map, the events and the sources', async () => {
    await open({ size: DESKTOP });
    await openStory(page, env.site.url + '/');
    story = await storyOf(page);
    await page.emulateMedia({ media: 'print' });
    const display = (selector: string) => page.$$eval(selector, (els) => els.map((el) => getComputedStyle(el).display));
    expect(await display('.stage')).toEqual(['none']);
    const printMaps = await display('.steps [data-step] img.step-map.print-only');
    expect(printMaps).toHaveLength(story.steps.length);
    expect(
      printMaps.filter((d) => d === 'none'),
      'print maps not displayed',
    ).toEqual([]);
    for (const id of [PAGE_IDS.events, PAGE_IDS.sources]) expect(await display(`#${id}`)).not.toContain('none');
    await expectImagesLoad(page, '.steps img.step-map.print-only', story.steps.length);
    await expectWholeStory(page, story);

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThan(1);
  });
});

describe('a storm of scrolls and resizes', () => {
  const SIZES = [PHONE, LANDSCAPE, DESKTOP, TABLET];

  it('ends on the step under the trigger line, with its camera and markers', async () => {
    const seed = Number(process.env.STORM_SEED ?? 20250403);
    console.log(`scroll storm seed: ${seed} (set STORM_SEED to replay another)`);
    const random = lcg(seed);
    await open({ size: DESKTOP });
    await openStory(page, env.site.url + '/');
    story = await storyOf(page);
    let size = DESKTOP as { width: number; height: number };
    for (let i = 0; i < 300; i++) {
      if (i % 20 === 19) {
        size = SIZES[Math.floor(random() * SIZES.length)] ?? DESKTOP;
        await page.setViewportSize(size);
      }
      const at = random();
      const behavior = random() < 0.3 ? 'smooth' : 'instant';
      // Now and then, let a frame or two pass so that flights start and get cut short.
      const frames = random() < 0.1 ? 2 : 0;
      await page.evaluate(
        async ({ at, behavior, frames }) => {
          const max = document.documentElement.scrollHeight - window.innerHeight;
          window.scrollTo({ top: at * max, behavior });
          for (let f = 0; f < frames; f++) await new Promise((ok) => requestAnimationFrame(ok));
        },
        { at, behavior: behavior as ScrollBehavior, frames },
      );
    }
    await scrollStill(page);
    await settled(page);
    const { id: expected, inside } = await stepUnderTrigger(page);
    console.log(`scroll storm ends at ${size.width}x${size.height} on step ${expected} (inside: ${inside})`);
    await expect.poll(() => page.evaluate(() => window.storyMap?.activeStep())).toBe(expected);
    await waitForCamera(page, expected, await expectedCamera(page, story, expected));
    expect(await activeMarkers(page)).toEqual(located(story, expected));
    // The address follows the reader only within the steps (App.svelte).
    if (inside) await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${expected}`);
  });
});

describe.each([PHONE, LANDSCAPE, TABLET, DESKTOP])('on a $name ($width×$height)', (size) => {
  it('frames each step’s places in view, below the timeline', async () => {
    // Where each step settles, not the flight there (the storm above flies and scrolls for real).
    await open({ size, still: true });
    await openStory(page, env.site.url + '/');
    story = await storyOf(page);
    for (const step of story.steps.filter((s) => s.camera.kind === 'fit')) {
      await page.evaluate((id) => window.storyMap?.goTo(id), step.id);
      await showing(page, step.id);
      const { hidden, seen, zoom } = await framedPlaces(page, story, step.id);
      expect(hidden, `${step.id} at zoom ${zoom.toFixed(2)}, map seen in ${JSON.stringify(seen)}`).toEqual([]);
      await waitForCamera(page, step.id, await expectedCamera(page, story, step.id));
    }
  });
});

describe.each(PAGES)('the Content-Security-Policy of the $name', ({ path }) => {
  it.each([PHONE, DESKTOP])('is strict for scripts and never violated ($name)', async (size) => {
    await open({ size });
    await recordCsp(page);
    await openStory(page, env.site.url + path);
    story = await storyOf(page);

    const content = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
    const scriptSrc = directive(content, 'script-src');
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    // A meta policy covers only what comes after it: it must precede every script.
    const html = await (await page.request.get(env.site.url + path)).text();
    expect(html.indexOf('Content-Security-Policy')).toBeGreaterThan(-1);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));

    for (const id of story.steps.slice(1, 4).map((s) => s.id))
      await page.evaluate((id) => window.storyMap?.goTo(id), id);
    const step = story.steps.find((s) => located(story, s.id).length > 0);
    const event = located(story, step?.id ?? '')[0] ?? '';
    await page.evaluate((id) => window.storyMap?.goTo(id), step?.id ?? '');
    await page.locator(`button[data-event="${event}"]`).click();
    await page.getByRole('dialog').waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    expect(await cspLog(page)).toEqual([]);

    // The policy is enforced and the listener hears it: an injected inline script is refused.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.injected = "ran"';
      document.body.append(script);
    });
    await expect.poll(() => cspLog(page)).toEqual([expect.stringMatching(/^script-src(-elem)? inline$/)]);
    expect(await page.locator('body').getAttribute('data-injected')).toBeNull();
    const refused = (e: string) => /^Executing inline script violates .*directive 'script-src 'self''/.test(e);
    expect(watched.errors.filter(refused)).toHaveLength(1);
    watched.errors = watched.errors.filter((e) => !refused(e));
  });
});
