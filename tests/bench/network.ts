/**
 * The map's start over a phone's network: Lighthouse's mobile conditions ("slow 4G": 150 ms round
 * trips, 1.6 Mbps down, 750 kbps up) with the CPU slowed 4×. The scroll-through (scroll.ts) runs
 * on the loopback's speed, where fetching costs nothing; here the map's half megabyte counts. Two
 * readers: one who scrolls at once, and one who reads the opening for a few seconds first, while
 * the page fetches the map's files ahead (map/prefetch.ts).
 */
import type { Browser } from 'playwright-core';
import { PROBE, type Probe } from './probe.ts';
import type { Viewport } from './scroll.ts';

const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1638.4 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
/** How long the second reader reads before scrolling. */
export const READ_MS = 4000;

export interface NetworkRun {
  /** From the first scroll to the map drawn, scrolling as soon as the page has loaded. */
  atOnce: number;
  /** The same, scrolling after reading for READ_MS. */
  afterReading: number;
}

async function mapAfterScroll(browser: Browser, url: string, viewport: Viewport, readMs: number): Promise<number> {
  const context = await browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    deviceScaleFactor: viewport.scale,
  });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: PROBE });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(readMs);
    const firstScroll = await page.evaluate(() => performance.now());
    await page.mouse.move(viewport.width / 2, viewport.height / 2);
    await page.mouse.wheel(0, 200);
    const ready = () => (window as unknown as { __bench: Probe }).__bench.readyAt;
    await page.waitForFunction(ready, null, { timeout: 120_000 });
    return ((await page.evaluate(ready)) ?? NaN) - firstScroll;
  } finally {
    await context.close();
  }
}

export async function networkRun(browser: Browser, url: string, viewport: Viewport): Promise<NetworkRun> {
  return {
    atOnce: await mapAfterScroll(browser, url, viewport, 0),
    afterReading: await mapAfterScroll(browser, url, viewport, READ_MS),
  };
}
