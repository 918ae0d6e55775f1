/**
 * A scripted read of one story in real Chromium with the CPU slowed 4× (a mid-range phone):
 * load, the first scroll, the time until the interactive map is drawn, a wheel scroll through
 * every step, a fast jump to the last step and back, then five quick down-and-up passes to see
 * whether the JS heap keeps growing. All timestamps come from the page's own clock.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { PROBE, cls, during, type Probe } from './probe.ts';
import { startTrace, tasksOver } from './readback.ts';

/** DevTools' network conditions (round-trip latency in ms, throughputs in bytes per second). */
export interface NetworkConditions {
  offline: boolean;
  latency: number;
  downloadThroughput: number;
  uploadThroughput: number;
}

export interface Viewport {
  name: string;
  width: number;
  height: number;
  scale: number;
}

export const PHONE: Viewport = { name: 'mobile', width: 390, height: 844, scale: 2 };
export const VIEWPORTS: Viewport[] = [PHONE, { name: 'desktop', width: 1440, height: 900, scale: 1 }];

export interface ScrollRun {
  lcp: number;
  lcpNode: string;
  cls: number;
  shiftSources: string[];
  /** When `storyMap.ready` resolved, from navigation start. */
  readyAt: number;
  /** From the first scroll to the map drawn (0 if it was drawn before the reader scrolled). */
  mapAfterScroll: number;
  scroll: ReturnType<typeof during> & {
    seconds: number;
    stepsSeen: number;
    steps: number;
    /** Tasks over 100 ms in a trace of the same scroll, and of those, the ones still over 100 ms
     * without the software compositor's copy of the map's canvas (readback.ts). */
    traced: ReturnType<typeof tasksOver>;
  };
  jumpDown: number;
  jumpUp: number;
  jumpLongestTask: number;
  heapFirst: number;
  heapFifth: number;
}

const probe = (page: Page) => page.evaluate(() => (window as unknown as { __bench: Probe }).__bench);
const now = (page: Page) => page.evaluate(() => performance.now());
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Used JS heap in bytes after a full garbage collection, so that only what is kept counts. */
async function heap(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/** Scrolls a step's card into the middle of the viewport at once (no smooth scrolling). */
const jumpTo = (page: Page, id: string) =>
  page.evaluate((id) => document.getElementById(id)?.scrollIntoView({ block: 'center', behavior: 'instant' }), id);

/** Waits until `id` is the active step and the camera has stopped. */
const arrived = (page: Page, id: string) =>
  page.waitForFunction(
    (id) =>
      window.storyMap?.activeStep() === id &&
      document.querySelector('[data-testid="map-canvas"]')?.getAttribute('data-moving') !== 'true',
    id,
    { timeout: 60_000 },
  );

/**
 * Wheels down 120 px at a time, like a reader with a mouse, until the last step's card has reached
 * the middle of the viewport (every step has then been the active one) or the page stops moving.
 */
async function wheelThroughSteps(page: Page, last: string): Promise<void> {
  let still = 0;
  let previous = -1;
  for (;;) {
    await page.mouse.wheel(0, 120);
    await sleep(40);
    const [y, past] = await page.evaluate(
      (id) => [scrollY, (document.getElementById(id)?.getBoundingClientRect().top ?? 0) < innerHeight / 2] as const,
      last,
    );
    still = y === previous ? still + 1 : 0;
    previous = y;
    if (past || still >= 8) return;
  }
}

/**
 * A fresh page (its own context, so a cold cache) of the viewport's size, with the probe installed
 * and the CPU slowed 4×; with `network`, the network slowed too (DevTools' conditions).
 */
export async function openThrottled(browser: Browser, viewport: Viewport, network?: NetworkConditions) {
  const context = await browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    deviceScaleFactor: viewport.scale,
  });
  const page = await context.newPage();
  await page.addInitScript({ content: PROBE });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  return { context, page, cdp };
}

/**
 * The reader's first move (the pointer, then the wheel), which starts the live map (MapView's
 * whenPresent); returns when it was made and when the map was ready, on the page's clock.
 */
export async function firstMove(page: Page, viewport: Viewport): Promise<{ at: number; readyAt: number }> {
  const at = await now(page);
  await page.mouse.move(viewport.width / 2, viewport.height / 2);
  await page.mouse.wheel(0, 200);
  await page.waitForFunction(() => (window as unknown as { __bench: Probe }).__bench.readyAt !== null, null, {
    timeout: 60_000,
  });
  return { at, readyAt: (await probe(page)).readyAt ?? NaN };
}

export async function scrollRun(browser: Browser, url: string, viewport: Viewport): Promise<ScrollRun> {
  const { context, page, cdp } = await openThrottled(browser, viewport);
  try {
    await page.goto(url, { waitUntil: 'load' });
    // LCP stops at the first input, so read it before the reader moves, once the page has painted
    // (at 4× CPU `load` can come before the first frame, and with it the first LCP entry).
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const loaded = await probe(page);

    // Time the map from the reader's first move.
    const { at: firstScroll, readyAt } = await firstMove(page, viewport);
    const steps = await page.evaluate(() => [...(window.storyMap?.steps ?? [])]);
    const [first, last] = [steps[0] ?? '', steps.at(-1) ?? ''];

    // Every step, by wheel.
    const stopTrace = await startTrace(cdp);
    const from = await now(page);
    await wheelThroughSteps(page, last);
    const to = await now(page);
    const traced = tasksOver(await stopTrace());
    const afterScroll = await probe(page);
    const scroll = {
      ...during(afterScroll, from, to),
      traced,
      seconds: (to - from) / 1000,
      steps: steps.length,
      stepsSeen: new Set(afterScroll.steps).size,
    };

    // A fast jump from the top: to the last step and straight back to the first.
    await jumpTo(page, first);
    await arrived(page, first);
    const jumpStart = await now(page);
    await jumpTo(page, last);
    await arrived(page, last);
    const jumpMid = await now(page);
    await jumpTo(page, first);
    await arrived(page, first);
    const jumpEnd = await now(page);
    const jumpLongestTask = during(await probe(page), jumpStart, jumpEnd).longestTask;

    // Five quick passes down and up through every step; heap after the first and after the fifth.
    let heapFirst = NaN;
    for (let pass = 1; pass <= 5; pass++) {
      for (const id of [...steps, ...[...steps].reverse()]) {
        await jumpTo(page, id);
        await sleep(100);
      }
      await arrived(page, first);
      if (pass === 1) heapFirst = await heap(cdp);
    }
    const heapFifth = await heap(cdp);
    const end = await probe(page);
    return {
      lcp: loaded.lcp,
      lcpNode: loaded.lcpNode,
      cls: cls(end.shifts),
      shiftSources: [...new Set(end.shifts.flatMap((s) => s.sources))],
      readyAt,
      mapAfterScroll: Math.max(0, readyAt - firstScroll),
      scroll,
      jumpDown: jumpMid - jumpStart,
      jumpUp: jumpEnd - jumpMid,
      jumpLongestTask,
      heapFirst,
      heapFifth,
    };
  } finally {
    await context.close();
  }
}
