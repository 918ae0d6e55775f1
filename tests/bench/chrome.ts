/**
 * The Chromium every part of the bench uses, with the switches this kind of machine needs
 * (no sandbox, no GPU: WebGL runs on SwiftShader, as in the browser tests).
 */
import { chromium, type Browser } from 'playwright-core';
import { findChrome } from '../browser/harness.ts';

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

export const chromePath = findChrome;

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: findChrome(), args: CHROME_FLAGS });
}
