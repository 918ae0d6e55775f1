/**
 * Shared set-up for the browser tests: serves the built site (`dist/`) on 127.0.0.1, finds a
 * Chromium, and watches every page for console errors and requests to any other host.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { PAGE_IDS } from '../../src/lib/page-ids.ts';
import type { PageData } from '../../src/lib/story/page-data.ts';
import type { Story } from '../../src/lib/story/model.ts';

/** Where global-setup.ts builds the fixture stories of tests/fixtures/site. */
export const FIXTURE_SITE = resolve(import.meta.dirname, '../.site');
/** The built site under test: the fixture site, or STORYMAP_DIST (an existing build) if set. */
export const DIST = process.env.STORYMAP_DIST ?? FIXTURE_SITE;

/**
 * The stories of the built site under test, by slug: every folder with an embed page. Tests run
 * over these rather than a list of their own, so a story added to the fixtures is tested too.
 */
export function builtStories(): string[] {
  return readdirSync(DIST, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(DIST, d.name, 'embed', 'index.html')))
    .map((d) => d.name)
    .sort();
}

/** A built story's data, as its page carries it (read from the file, before any page opens). */
export function builtStory(slug: string): Story {
  const html = readFileSync(join(DIST, slug, 'index.html'), 'utf8');
  const json = new RegExp(`<script type="application/json" id="${PAGE_IDS.data}">([^<]*)</script>`).exec(html)?.[1];
  if (!json) throw new Error(`no story data in the built page of ${slug}`);
  return (JSON.parse(json) as PageData).story;
}

export function findChrome(): string {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ];
  const found = candidates.find((c): c is string => !!c && existsSync(c));
  if (!found) throw new Error('no Chromium found: install it (apt-get install chromium) or set CHROME_PATH');
  return found;
}

export interface Site {
  url: string;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** Serves with the handlers in turn (404 when none answers) on a free port of 127.0.0.1. */
async function serve(...handlers: Handler[]): Promise<Site> {
  const server: Server = createServer((req, res) => {
    const next = (i: number): void => {
      const handler = handlers[i];
      if (!handler) {
        res.statusCode = 404;
        res.end('not found');
      } else handler(req, res, () => next(i + 1));
    };
    next(0);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/**
 * Serves `dist/` on a free port of 127.0.0.1; stop it with `close()`. With `served`, each response
 * is added to it as it ends, as its status and path (`200 /assets/…`).
 */
export async function serveSite(dir = DIST, served?: string[]): Promise<Site> {
  if (!existsSync(resolve(dir, 'index.html'))) throw new Error(`${dir} has no index.html: run \`vite build\` first`);
  const files = sirv(dir, { dev: false, etag: true });
  if (!served) return serve(files);
  return serve((req, res, next) => {
    res.on('finish', () => served.push(`${res.statusCode} ${req.url ?? ''}`));
    files(req, res, next);
  });
}

/**
 * Serves the host pages of tests/fixtures/hosts (and pym.js from its npm package) on another
 * port, so that a story framed by them is cross-origin, as on a real news site.
 */
export async function serveHosts(): Promise<Site> {
  return serve(
    sirv(resolve(import.meta.dirname, '../fixtures/hosts'), { dev: true }),
    sirv(resolve(import.meta.dirname, '../../node_modules/pym.js/dist'), { dev: true }),
  );
}

/** The switches a headless Chromium needs here (no sandbox, no GPU: WebGL runs on SwiftShader). */
export const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
];

/** A headless Chromium with the switches this machine needs, plus `extraArgs` (e.g. to disable WebGL). */
export async function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: findChrome(), args: [...CHROME_FLAGS, ...extraArgs] });
}

export interface Watch {
  errors: string[];
  foreign: string[];
}

/** Adds to `w` every uncaught exception, response of 400 and over, and request to another host. */
export function watchPage(page: Page, siteUrl: string, w: Watch): void {
  const own = new URL(siteUrl).host;
  page.on('pageerror', (e) => w.errors.push(String(e)));
  page.on('response', (r) => r.status() >= 400 && w.errors.push(`${r.status()} ${r.url()}`));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol) && url.host !== own) w.foreign.push(r.url());
  });
}

/** Records console errors, uncaught exceptions and requests to any host but the site's own. */
export function watch(page: Page, siteUrl: string): Watch {
  const w: Watch = { errors: [], foreign: [] };
  // A failed load is reported by watchPage with its address; the console's copy of it says less.
  page.on(
    'console',
    (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && w.errors.push(m.text()),
  );
  watchPage(page, siteUrl, w);
  return w;
}

/**
 * A reader's first sign of presence: the mouse moves onto the page (or onto the story's frame).
 * The live map loads only then (MapView's `whenPresent`); until then the static map is shown.
 */
export async function arrive(target: Page | Frame): Promise<void> {
  if ('mouse' in target) return target.mouse.move(2, 2);
  const box = await (await target.frameElement()).boundingBox();
  if (!box) throw new Error('the story frame is not on screen');
  await target.page().mouse.move(box.x + 2, box.y + 2);
}

/** The story's frame in a host page (`/embed/`), once the host has made it. */
export async function waitForFrame(page: Page): Promise<Frame> {
  for (let i = 0; i < 200; i++) {
    const frame = page.frames().find((f) => f.url().includes('/embed/'));
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error('the story frame never appeared');
}

/** Waits for `window.storyMap.ready` (the map's first idle), after a reader has arrived. */
export async function mapReady(target: Page | Frame): Promise<void> {
  await target.waitForFunction(() => window.storyMap !== undefined);
  await arrive(target);
  await target.evaluate(() => window.storyMap?.ready);
}

/** Opens a story page, as a reader arrives on it, and waits for the live map. */
export async function openStory(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await mapReady(page);
}

/**
 * Waits until the map shows step `stepId` whole: the step is active, the map has framed it, the
 * camera is still, and no picture of the step before is held over the map. Under reduced motion
 * the camera jumps without a frame of movement, and the old picture stays over the map until the
 * new step's tiles are in (still.ts): right after `goTo` resolves the map reads as settled while
 * the reader still sees the step before, so `settled` alone can photograph the wrong step.
 */
export async function showing(page: Page, stepId: string): Promise<void> {
  await page.waitForFunction((id) => {
    const canvas = document.querySelector<HTMLElement>('[data-testid="map-canvas"]');
    const frame = canvas?.dataset.frame;
    return (
      window.storyMap?.activeStep() === id &&
      frame !== undefined &&
      (JSON.parse(frame) as { step: string }).step === id &&
      canvas?.getAttribute('data-moving') === 'false' &&
      !canvas.querySelector(':scope > .map-still')
    );
  }, stepId);
}

/** Waits until the map has stopped moving. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const m = document.querySelector('[data-testid="map-canvas"]');
    return m?.getAttribute('data-moving') === 'false';
  });
}
