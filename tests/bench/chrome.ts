/**
 * The Chromium every part of the bench uses, with the switches this kind of machine needs
 * (no sandbox, no GPU: WebGL runs on SwiftShader, as in the browser tests).
 */
import type { Browser } from 'playwright-core';
import { CHROME_FLAGS, findChrome, launch as launchChromium } from '../browser/harness.ts';

export { CHROME_FLAGS };

export const chromePath = findChrome;

export function launch(): Promise<Browser> {
  return launchChromium();
}
