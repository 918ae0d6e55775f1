/**
 * `npm run dev` while a reporter writes: saving a story updates the open page without a reload;
 * a save with a mistake shows the problem over the page (and keeps the last good story), and the
 * next good save clears it. A dev server of its own, over a copy of a fixture story.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Browser, Page } from 'playwright-core';
import { storyPages } from '../../src/build/plugin.ts';
import { ROOT } from '../build-site.ts';
import { launch, mapReady, settled } from './harness.ts';

// Inside the project (tests/.tmp-…), never the system's temporary folder; removed afterwards.
const temp = mkdtempSync(join(ROOT, 'tests', '.tmp-dev-'));
const stories = join(temp, 'stories');
const file = join(stories, 'minimal.yaml');
const original = readFileSync(join(ROOT, 'tests/fixtures/good/minimal.yaml'), 'utf8');
let server: ViteDevServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(stories);
  cpSync(join(ROOT, 'tests/fixtures/good/minimal.yaml'), file);
  server = await createServer({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    plugins: [svelte(), storyPages({ dir: stories, home: 'minimal', site: 'http://127.0.0.1:4173/' })],
    server: {
      host: '127.0.0.1',
      port: 0,
      strictPort: false,
      // Browser files run two at a time: the sites other files build and remove under tests/ are
      // none of this server's business (their HTML would reload this page, their removal throw).
      watch: { ignored: (path: string) => path.startsWith(`${join(ROOT, 'tests')}/.`) && !path.startsWith(temp) },
    },
  });
  await server.listen();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(temp, { recursive: true, force: true });
});

const heading = (page: Page) => page.locator('header h1').textContent();
const overlay = (page: Page) =>
  page.evaluate(() => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? null);

it('shows a saved story without a reload, and a mistake over the page until it is mended', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const address = server.resolvedUrls?.local[0] ?? '';
  await page.goto(`${address}minimal/`);
  await mapReady(page);
  expect(await heading(page)).toBe('Minimal story');
  // Gone if the page reloads.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));

  writeFileSync(file, original.replace('title: Minimal story', 'title: A saved title'));
  await expect.poll(() => heading(page), { timeout: 30_000 }).toBe('A saved title');
  expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
  expect(await page.title()).toContain('A saved title');

  // A longitude out of range: the problem, with its line, over the page; the last good story stays.
  writeFileSync(file, original.replace('[-72.3388, 18.5392]', '[-272.3388, 18.5392]'));
  await expect.poll(() => overlay(page), { timeout: 30_000 }).toMatch(/minimal\.yaml:17:\d+ .*longitude -272\.3388/);
  expect(await heading(page)).toBe('A saved title');

  // Mended by a second save just after another with a mistake (a formatter's after the editor's):
  // the watcher drops a change within 50 ms of the last, and the server must still read it.
  const mend = (path: string) => {
    if (path !== file) return;
    server.watcher.off('change', mend);
    writeFileSync(file, original.replace('title: Minimal story', 'title: Mended'));
  };
  server.watcher.on('change', mend);
  writeFileSync(file, original.replace('[-72.3388, 18.5392]', '[-72.3388, 98.5392]'));
  await expect.poll(() => heading(page), { timeout: 30_000 }).toBe('Mended');
  expect(await overlay(page)).toBeNull();
  expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
  // The story runs again: the map comes back.
  await mapReady(page);
  await page.close();
});

it("has a camera helper: the map moved by hand, its camera as a step's YAML, and back to the step", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const address = server.resolvedUrls?.local[0] ?? '';
  await page.goto(`${address}minimal/`);
  await mapReady(page);
  await settled(page);
  const stepCamera = await page.evaluate(() => window.storyMap?.camera());

  // Keyboard reachable: focused and pressed like any button.
  const toggle = page.getByRole('button', { name: 'Camera helper' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  expect(await toggle.getAttribute('aria-pressed')).toBe('true');
  const yaml = page.getByTestId('camera-yaml-center');
  const before = await yaml.inputValue();
  expect(before).toMatch(/^camera: \{ center: \[-?[\d.]+, -?[\d.]+\], zoom: [\d.]+ \}$/);
  expect(await page.getByTestId('camera-step').textContent()).toBe(
    await page.evaluate(() => window.storyMap?.activeStep()),
  );
  // Both readers' free areas are measured (in frames of their size) and outlined.
  await expect.poll(() => page.locator('[data-testid^="camera-outline-"]').count(), { timeout: 60_000 }).toBe(2);

  // Drag the map with the mouse, from a bare part of it.
  const box = await page.getByTestId('map-canvas').boundingBox();
  if (!box) throw new Error('no map');
  const [x, y] = [box.x + box.width * 0.3, box.y + box.height * 0.45];
  expect(await page.evaluate(([px, py]) => document.elementFromPoint(px ?? 0, py ?? 0)?.tagName, [x, y])).toBe(
    'CANVAS',
  );
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x - 120, y - 60, { steps: 12 });
  await page.mouse.up();
  await settled(page);
  await expect.poll(() => yaml.inputValue()).not.toBe(before);
  const text = await yaml.inputValue();
  const [lng, lat] = (/center: \[(-?[\d.]+), (-?[\d.]+)\]/.exec(text) ?? []).slice(1).map(Number);
  const now = await page.evaluate(() => window.storyMap?.camera());
  expect(lng).toBeCloseTo(now?.center[0] ?? NaN, 3);
  expect(lat).toBeCloseTo(now?.center[1] ?? NaN, 3);
  expect(Math.abs((now?.center[0] ?? 0) - (stepCamera?.center[0] ?? 0))).toBeGreaterThan(1e-3);
  expect(await page.getByTestId('camera-yaml-fit').inputValue()).toMatch(/^camera: \{ fit: \[[a-z0-9, -]+\]/);

  // Off: the map is the reader's again, back at the step's camera.
  await toggle.click();
  await expect.poll(() => page.locator('[data-testid^="camera-outline-"]').count()).toBe(0);
  await expect
    .poll(
      async () => {
        const c = await page.evaluate(() => window.storyMap?.camera());
        return Math.hypot(
          (c?.center[0] ?? 0) - (stepCamera?.center[0] ?? 0),
          (c?.center[1] ?? 0) - (stepCamera?.center[1] ?? 0),
        );
      },
      { timeout: 30_000 },
    )
    .toBeLessThan(1e-3);
  expect(await page.locator('iframe[name="storymap-camera-probe"]').count()).toBe(0);
  await page.close();
});
