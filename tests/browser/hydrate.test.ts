/**
 * Static first, then hydrate (issue 9): the script takes over the story the build wrote without
 * re-creating it, the first step's static map is on the stage at once and gives way to the live
 * map at its first whole frame, and no static map is fetched that the page then throws away.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, mapReady, serveSite, settled, watch, type Site, type Watch } from './harness.ts';
import { PNG } from 'pngjs';
import { PAGE_IDS } from '../../src/lib/page-ids.ts';
import { COLORS } from '../../src/lib/map/style.ts';
import { STILL_SIZES } from '../../src/lib/geo/staticSize.ts';

let site: Site;
let browser: Browser;

beforeAll(async () => {
  site = await serveSite();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

interface Before {
  /** The first step's first line of text, as the parser left it, before any script ran. */
  text?: Node;
  /** The stage's static map then. */
  still?: string;
  /** Whether the static map had loaded when MapLibre put its canvas in. */
  stillShownAtCanvas?: boolean;
  /** Whether the canvas was hidden then: its loading frames are for nobody's eyes. */
  canvasHidden?: boolean;
  canvases: number;
}

declare global {
  interface Window {
    __before: Before;
  }
}

/** Opens `path` on a phone, noting the page as the build wrote it and each static map fetched. */
async function open(
  path: string,
): Promise<{ page: Page; context: BrowserContext; w: Watch; warnings: string[]; svgs: string[] }> {
  // A phone's screen: two device pixels to a CSS pixel, as the live map must draw at.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const w = watch(page, site.url);
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  const svgs: string[] = [];
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname;
    if (name.endsWith('.svg') && !name.endsWith('favicon.svg')) svgs.push(name.split('/').pop() ?? '');
  });
  await page.addInitScript(() => {
    const before: Before = { canvases: 0 };
    window.__before = before;
    // "interactive": the document is parsed and no module script has run yet.
    document.addEventListener('readystatechange', () => {
      if (document.readyState !== 'interactive') return;
      before.text = document.querySelector('.steps .card p:not(.count)')?.firstChild ?? undefined;
      before.still = document.querySelector<HTMLImageElement>('[data-testid="map-still"]')?.getAttribute('src') ?? '';
    });
    new MutationObserver(() => {
      const canvas = document.querySelector('[data-testid="map-canvas"] canvas');
      if (!canvas || before.canvases) return;
      before.canvases++;
      const still = document.querySelector<HTMLImageElement>('[data-testid="map-still"]');
      before.stillShownAtCanvas = !!still?.complete && still.naturalWidth > 0;
      before.canvasHidden = getComputedStyle(canvas).visibility === 'hidden';
    }).observe(document, { childList: true, subtree: true });
  });
  const scripts: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
  await page.goto(site.url + path);
  await page.waitForFunction(() => window.storyMap !== undefined);
  // Loaded and idle, with no reader yet: the page has fetched no map code and drawn no live map.
  await page.waitForLoadState('load');
  await page.evaluate(() => new Promise((done) => requestIdleCallback(() => requestIdleCallback(done))));
  const pageScripts = scripts.length;
  expect(await page.locator('[data-testid="map-canvas"] canvas').count(), 'no live map before a reader').toBe(0);
  expect(await page.locator('[data-testid="map-still"]').count(), 'the static map meanwhile').toBe(1);
  await mapReady(page);
  // The reader's first move fetched the map's code (its chunk, and MapLibre's).
  expect(scripts.length, 'map code fetched once the reader arrived').toBeGreaterThan(pageScripts);
  return { page, context, w, warnings, svgs };
}

describe.each([
  { name: 'home page', path: '/' },
  { name: 'embed page', path: '/mss-haiti/embed/' },
])('on the $name', ({ path }) => {
  it('hydrates the story the build wrote: no mismatch, the same text nodes', async () => {
    const { page, context, w, warnings } = await open(path);
    const first = await page.evaluate(() => window.storyMap?.steps[0] ?? '');
    expect(await page.locator(`#${PAGE_IDS.app}.static`).count(), 'the script ran').toBe(0);
    expect(warnings.filter((m) => /hydrat|svelte/i.test(m))).toEqual([]);
    expect(w.errors).toEqual([]);
    const same = await page.evaluate((id) => {
      const text = window.__before.text;
      const now = document.querySelector(`[id="${id}"] .card p:not(.count)`)?.firstChild;
      return { had: !!text, connected: !!text?.isConnected, same: !!text && text === now };
    }, first);
    expect(same).toEqual({ had: true, connected: true, same: true });
    await context.close();
  });

  it('shows the first step’s static map on the stage at once, then the live map in its place', async () => {
    const { page, context, svgs } = await open(path);
    const first = await page.evaluate(() => window.storyMap?.steps[0] ?? '');
    const before = await page.evaluate(() => ({ ...window.__before, text: undefined }));
    expect(before.still, 'the static map in the page the build wrote').toMatch(new RegExp(`(^|/)${first}\\.svg#all$`));
    expect(before.stillShownAtCanvas, 'the static map had loaded before the live map came').toBe(true);
    // Hidden while it loads, so a browser compositing in software never copies those frames.
    expect(before.canvasHidden, 'the live map hidden while it loads').toBe(true);
    // Ready: the live map has drawn, and the static map is gone.
    expect(await page.locator('[data-testid="map-still"]').count()).toBe(0);
    expect(await page.locator('[data-testid="map-canvas"] canvas').count()).toBe(1);
    // At the screen's resolution: its loading frames were drawn at less (controller.ts), unseen.
    const canvas = await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('[data-testid="map-canvas"] canvas');
      return (
        c && {
          width: c.width,
          height: c.height,
          css: [c.clientWidth, c.clientHeight],
          ratio: devicePixelRatio,
          visibility: getComputedStyle(c).visibility,
        }
      );
    });
    expect(canvas?.visibility, 'the live map shown once ready').toBe('visible');
    expect(canvas?.ratio).toBe(2);
    expect([canvas?.width, canvas?.height]).toEqual(canvas?.css.map((px) => px * 2));
    // The only static map fetched is the one the stage showed: the steps' own (for print and for
    // readers without JavaScript) load only when shown.
    expect(svgs).toEqual([`${first}.svg`]);
    await context.close();
  });
});

interface Mark {
  place: string;
  x: number;
  y: number;
  /** Its dot's radius as shown, px. */
  r: number;
}

/**
 * Where the stage shows the static map's lit markers: read from the drawing the browser chose (its
 * `<view>` and circles), through the image's box, `object-fit: contain` and transform, as the
 * browser draws them. Waits for the static map's glide into place to end.
 */
async function stillMarks(page: Page): Promise<Mark[]> {
  // Placed by the page's script (until then it stands as the build wrote it), and glided there.
  await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('[data-testid="map-still"][data-placed="true"]');
    return !!img?.complete && img.getAnimations().length === 0;
  });
  return page.evaluate(async () => {
    const img = document.querySelector<HTMLImageElement>('[data-testid="map-still"]');
    if (!img) return [];
    const svg = new DOMParser().parseFromString(await (await fetch(img.currentSrc)).text(), 'image/svg+xml');
    // The view is named in the address the page wrote (`currentSrc` can be the preload's, without it).
    const view = svg.getElementById(new URL(img.src).hash.slice(1));
    const [, , width = 1, height = 1] = (view?.getAttribute('viewBox') ?? '').split(' ').map(Number);
    const [w, h] = [img.clientWidth, img.clientHeight];
    const fit = Math.min(w / width, h / height);
    const [ox, oy] = [(w - fit * width) / 2, (h - fit * height) / 2];
    const shown = img.getBoundingClientRect();
    const k = shown.width / w;
    return [...svg.querySelectorAll('circle.marker[data-active="true"]')].map((c) => {
      const [cx, cy, r] = ['cx', 'cy', 'r'].map((a) => Number(c.getAttribute(a)));
      // The dot's edge: a country's dashes end there; a city dot's paper stroke runs on past it,
      // as the live dot's paper ring does (staticLayers.ts), so its circle's radius is the edge.
      const edge = (r ?? 0) + (c.hasAttribute('stroke-dasharray') ? Number(c.getAttribute('stroke-width')) / 2 : 0);
      return {
        place: c.getAttribute('data-place') ?? '',
        x: shown.left + k * (ox + fit * (cx ?? 0)),
        y: shown.top + k * (oy + fit * (cy ?? 0)),
        r: k * fit * edge,
      };
    });
  });
}

/**
 * Pixels of the route colour on the map, outside what lies over it (the timeline, the key, which
 * draws a route of its own): what of the step's routes the reader sees.
 */
async function routePixels(page: Page): Promise<number> {
  const map = await page.getByTestId('map').boundingBox();
  if (!map) throw new Error('no map on screen');
  const over = await page.evaluate(() =>
    [...document.querySelectorAll('[data-covers-map]')].map((el) => {
      const r = el.getBoundingClientRect();
      return [r.left, r.top, r.right, r.bottom];
    }),
  );
  const png = PNG.sync.read(await page.screenshot());
  const route = [1, 3, 5].map((i) => parseInt(COLORS.route.slice(i, i + 2), 16));
  let n = 0;
  for (let y = Math.max(0, Math.ceil(map.y)); y < Math.min(png.height, map.y + map.height); y++)
    for (let x = Math.max(0, Math.ceil(map.x)); x < Math.min(png.width, map.x + map.width); x++) {
      if (over.some(([l = 0, t = 0, r = 0, b = 0]) => x >= l && x < r && y >= t && y < b)) continue;
      const i = (y * png.width + x) * 4;
      if (route.every((c, k) => Math.abs((png.data[i + k] ?? 0) - c) <= 8)) n++;
    }
  return n;
}

/**
 * The live map's lit markers: the centre of each marker's dot, and the radius of the dot itself
 * (the button's `::before`, border included), not of the button, whose target is wider.
 */
async function liveMarks(page: Page): Promise<Mark[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.marker[data-active="true"]')].map((button) => {
      const b = button.getBoundingClientRect();
      const dot = parseFloat(getComputedStyle(button, '::before').width);
      return { place: button.dataset.place ?? '', x: b.left + b.width / 2, y: b.top + b.height / 2, r: dot / 2 };
    }),
  );
}

describe.each([
  { name: 'Haiti on a phone', path: '/', viewport: { width: 390, height: 844 } },
  // The upright tablet's own drawing (staticSize.ts), where the 600 px one was shown enlarged.
  { name: 'Haiti on an upright tablet', path: '/', viewport: { width: 768, height: 1024 } },
  { name: 'the Pacific (across 180°) on a desktop', path: '/pacific-relief/', viewport: { width: 1440, height: 900 } },
  // The map is below the fold at the top of the page: the reader has gone to the first step.
  {
    name: 'the Pacific on a phone on its side',
    path: '/pacific-relief/',
    viewport: { width: 844, height: 390 },
    go: 0,
  },
  // Followed a link to a step whose places lie north to south: a tall frame on a tall screen.
  {
    name: 'the Pacific’s second step on a phone',
    path: '/pacific-relief/',
    viewport: { width: 390, height: 844 },
    go: 1,
  },
])('the static map, $name', ({ path, viewport, go }) => {
  it('stands where the live map will draw: no place moves when the live map replaces it', async () => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const w = watch(page, site.url);
    // The map's code is held back until the static map has been read, so a reader's move (the
    // step link's scroll) cannot have replaced it first.
    let release = () => {};
    const held = new Promise<void>((done) => (release = done));
    await page.route(/\/controller-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(site.url + path);
    await page.waitForFunction(() => window.storyMap !== undefined);
    if (go !== undefined) await page.evaluate((i) => (location.hash = window.storyMap?.steps[i] ?? ''), go);
    const still = await stillMarks(page);
    // The drawing <picture> chose is the one the stage placed (MapView: the first whose media
    // matches), and the one made for this screen's shape (staticSize.ts).
    const [chosen, drawn] = await page.evaluate(
      (sizes) => [
        sizes.find((s) => matchMedia(s.media).matches)?.folder,
        document.querySelector<HTMLImageElement>('[data-testid="map-still"]')?.currentSrc ?? '',
      ],
      STILL_SIZES.map(({ folder, media }) => ({ folder, media })),
    );
    expect(new URL(drawn ?? '').pathname).toMatch(chosen ? `/maps/${chosen}/` : /\/maps\/[^/]+\.svg$/);
    if (viewport.width === 768) expect(chosen).toBe('660x440');
    const stillRoutes = await routePixels(page);
    release();
    await mapReady(page);
    await settled(page);
    const live = await liveMarks(page);
    // No route drawn whole, then taken back: the live map grows it as the reader scrolls.
    expect(stillRoutes, 'route pixels of the static map, at most the live map’s').toBeLessThanOrEqual(
      (await routePixels(page)) + 20,
    );
    expect(still.length, 'lit markers in the static map').toBeGreaterThan(0);
    expect(still.map((m) => m.place).sort()).toEqual(live.map((m) => m.place).sort());
    // Those the reader sees (the live map may nudge one beyond the screen's edge).
    const seen = still.filter((m) => m.x > 0 && m.y > 0 && m.x < viewport.width && m.y < viewport.height);
    expect(seen.length, 'lit markers on screen').toBeGreaterThan(0);
    for (const m of seen) {
      const l = live.find((n) => n.place === m.place);
      // A pixel or two: the drawing rounds to a tenth of its own pixel, then is scaled.
      expect(Math.hypot(m.x - (l?.x ?? 0), m.y - (l?.y ?? 0)), `${m.place} moved by`).toBeLessThan(3);
      // Drawn near the size the live map draws it (the drawing is chosen for that: staticSize.ts).
      expect(m.r / (l?.r ?? 1), `${m.place}'s size, static / live`).toBeGreaterThan(0.7);
      expect(m.r / (l?.r ?? 1), `${m.place}'s size, static / live`).toBeLessThan(1.45);
    }
    expect(w.errors).toEqual([]);
    await context.close();
  });
});
