/**
 * The map's start over a phone's network: Lighthouse's mobile conditions ("slow 4G": 150 ms round
 * trips, 1.6 Mbps down, 750 kbps up) with the CPU slowed 4×. The scroll-through (scroll.ts) runs
 * on the loopback's speed, where fetching costs nothing; here the map's half megabyte counts. Two
 * readers: one who scrolls at once, and one who reads the opening for a few seconds first, while
 * the page fetches the map's files ahead (map/prefetch.ts).
 */
import type { Browser } from 'playwright-core';
import { firstMove, openThrottled, type NetworkConditions, type Viewport } from './scroll.ts';

const SLOW_4G: NetworkConditions = {
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
  const { context, page } = await openThrottled(browser, viewport, SLOW_4G);
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(readMs);
    const { at, readyAt } = await firstMove(page, viewport);
    return readyAt - at;
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
