/**
 * The set-up every browser test file shares, as vitest hooks: the built site served on a free port
 * of 127.0.0.1 and one headless Chromium for the whole file (a launch costs far less than a page
 * load, but there is no reason to pay it per test), both closed after the file's last test.
 * harness.ts stays free of vitest: the screenshot script uses it outside the test runner.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, serveSite, type Site } from './harness.ts';

export interface Served {
  /** The site, once `beforeAll` has served it. */
  readonly site: Site;
  /** The file's Chromium, once `beforeAll` has launched it. */
  readonly browser: Browser;
}

/** Serves the site and launches Chromium before the file's tests; closes both after them. */
export function useSite(): Served {
  let site: Site | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [site, browser] = await Promise.all([serveSite(), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  const ready = <T>(what: T | undefined, name: string): T => {
    if (what === undefined) throw new Error(`no ${name}: useSite() is read before its beforeAll ran`);
    return what;
  };
  return {
    get site() {
      return ready(site, 'site');
    },
    get browser() {
      return ready(browser, 'browser');
    },
  };
}
