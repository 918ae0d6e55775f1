/**
 * Helpers for resilience.test.ts: a Chromium with extra switches, a strict console watcher that
 * excuses only the failed loads a test causes on purpose, checks that the whole story can be read
 * without the interactive map, and a seeded random generator for the stress test.
 */
import type { Page } from 'playwright-core';
import { watchPage } from './harness.ts';
import { expect } from 'vitest';
import type { Story } from '../../src/lib/story/model.ts';
import { triggerFraction } from '../../src/lib/scroll/active.ts';
import { PAGE_IDS, eventRowId } from '../../src/lib/page-ids.ts';

export const PHONE = { name: 'phone', width: 390, height: 844 };
export const DESKTOP = { name: 'desktop', width: 1440, height: 900 };
export const LANDSCAPE = { name: 'landscape phone', width: 844, height: 390 };
export const TABLET = { name: 'tablet', width: 768, height: 1024 };

export interface Strict {
  errors: string[];
  foreign: string[];
  /** Console warnings: the page explains there why the interactive map is unavailable. */
  warnings: string[];
}

/**
 * Console errors, uncaught exceptions, responses of 400 and over, and requests to other hosts.
 * Unlike harness.ts's `watch`, a failed load is excused only if its address matches `aborted`
 * (the request the test itself aborts).
 */
export function watchStrict(page: Page, siteUrl: string, aborted?: RegExp): Strict {
  const w: Strict = { errors: [], foreign: [], warnings: [] };
  page.on('console', (m) => {
    if (m.type() === 'warning') w.warnings.push(m.text());
    if (m.type() !== 'error') return;
    const url = m.location().url;
    if (aborted && m.text().startsWith('Failed to load resource') && aborted.test(url)) return;
    w.errors.push(`${m.text()} [${url}]`);
  });
  watchPage(page, siteUrl, w);
  return w;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Every step has its element, showing its title and text; the event table has one row per event
 * (each naming its event); the sources list every source. Text is compared as the DOM holds it
 * (textContent), so it works with or without JavaScript and whatever the CSS capitalises.
 */
export async function expectWholeStory(page: Page, story: Story): Promise<void> {
  for (const step of story.steps) {
    const el = page.locator(`[id="${step.id}"]`);
    expect(await el.count(), `elements with id ${step.id}`).toBe(1);
    expect(await el.isVisible(), `step ${step.id} visible`).toBe(true);
    const shown = squash((await el.textContent()) ?? '');
    if (step.title) expect(shown, `title of ${step.id}`).toContain(step.title);
    // The step's text as the page would show it: its HTML's text.
    const text = await page.evaluate((html) => {
      const t = document.createElement('template');
      t.innerHTML = html;
      return t.content.textContent ?? '';
    }, step.html);
    expect(shown, `text of ${step.id}`).toContain(squash(text));
  }
  const rows = page.locator(`#${PAGE_IDS.events} tbody tr`);
  expect(await page.locator(`#${PAGE_IDS.events}`).isVisible(), 'the event table visible').toBe(true);
  expect(await rows.count(), 'one row per event').toBe(story.events.length);
  for (const event of story.events)
    expect(squash((await page.locator(`[id="${eventRowId(event.id)}"]`).textContent()) ?? '')).toContain(event.title);
  const sources = page.locator(`#${PAGE_IDS.sources}`);
  expect(await sources.isVisible(), 'the sources visible').toBe(true);
  for (const source of story.sources) expect(await sources.textContent()).toContain(source.name);
}

/** Scrolls to each of `images`, then checks it loaded and that its address answers 200 with SVG. */
export async function expectImagesLoad(page: Page, selector: string, count: number): Promise<void> {
  const images = page.locator(selector);
  expect(await images.count(), `${selector} count`).toBe(count);
  for (const img of await images.all()) {
    await img.scrollIntoViewIfNeeded();
    const src = (await img.getAttribute('src')) ?? '';
    await expect
      .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth), { message: src })
      .toBeGreaterThan(0);
    const response = await page.request.get(new URL(src, page.url()).href);
    expect(response.status(), src).toBe(200);
    expect(response.headers()['content-type'], src).toMatch(/^image\/svg\+xml/);
  }
}

/** The interactive map's failure notice: polls until there is one, then checks it says so. */
export async function expectOneNotice(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.notice').count(), { timeout: 15_000 }).toBe(1);
  expect(await page.locator('.notice').textContent()).toContain('unavailable');
}

/** The sources a Content-Security-Policy allows for one directive (`script-src`, …). */
export function directive(policy: string, name: string): string[] {
  for (const part of policy.split(';')) {
    const [key, ...values] = part.trim().split(/\s+/);
    if (key === name) return values;
  }
  return [];
}

/** The events of a step that have a place, so a marker: those that must stand out on the map. */
export function located(story: Story, stepId: string): string[] {
  const step = story.steps.find((s) => s.id === stepId);
  return (step?.events ?? []).filter((id) => story.events.find((e) => e.id === id)?.place).sort();
}

/**
 * The step whose box holds the trigger line (active.ts's `triggerFraction`), measured in the page,
 * and whether the line is inside a step at all: above the first step the first is active, below
 * the last (or in a gap) the last one whose top has passed.
 */
export async function stepUnderTrigger(page: Page): Promise<{ id: string; inside: boolean }> {
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
  const fraction = triggerFraction(width, height);
  return page.evaluate((fraction) => {
    const trigger = window.innerHeight * fraction;
    const boxes = [...document.querySelectorAll<HTMLElement>('.steps > [data-step]')].map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.id, top: r.top, bottom: r.bottom };
    });
    const inside = boxes.find((b) => b.top <= trigger && trigger < b.bottom);
    const passed = [...boxes].reverse().find((b) => b.top <= trigger);
    return { id: inside?.id ?? passed?.id ?? boxes[0]?.id ?? '', inside: !!inside };
  }, fraction);
}

/**
 * Where the places a step frames are drawn now (from `storyMap.project`), and the part of the
 * viewport where the map can be seen: inside the canvas and the window, below the timeline.
 */
export async function framedPlaces(page: Page, story: Story, stepId: string) {
  const step = story.steps.find((s) => s.id === stepId);
  const ids = step?.camera.kind === 'fit' ? step.camera.ids : [];
  const points = ids.map((id) => ({ id, at: story.places.find((p) => p.id === id)?.coordinates ?? [0, 0] }));
  const { seen, places, zoom } = await page.evaluate((points) => {
    const canvas = document.querySelector<HTMLElement>('[data-testid="map-canvas"]')?.getBoundingClientRect();
    const timeline = document.querySelector<HTMLElement>('.timeline-slot')?.getBoundingClientRect();
    if (!canvas) throw new Error('no map canvas');
    const seen = {
      left: Math.max(0, canvas.left),
      right: Math.min(window.innerWidth, canvas.right),
      top: Math.max(0, canvas.top, timeline?.bottom ?? 0),
      bottom: Math.min(window.innerHeight, canvas.bottom),
    };
    const places = points.map(({ id, at }) => {
      const [x, y] = window.storyMap?.project(at) ?? [NaN, NaN];
      return { id, x: Math.round(x), y: Math.round(y) };
    });
    return { seen, places, zoom: window.storyMap?.camera()?.zoom ?? NaN };
  }, points);
  const hidden = places.filter(
    (p) => !(p.x >= seen.left && p.x <= seen.right && p.y >= seen.top && p.y <= seen.bottom),
  );
  return { places, hidden, seen, zoom };
}

/** Records the page's `securitypolicyviolation` events (directive and blocked address) from its start. */
export async function recordCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = log;
    document.addEventListener('securitypolicyviolation', (e) => log.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

export const cspLog = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

/** A small linear congruential generator (Numerical Recipes' constants): [0, 1), reproducible. */
export function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Resolves once the window has not scrolled for `frames` animation frames in a row. */
export function scrollStill(page: Page, frames = 20): Promise<void> {
  return page.evaluate(
    (frames) =>
      new Promise<void>((resolve) => {
        let last = -1;
        let still = 0;
        const check = () => {
          still = window.scrollY === last ? still + 1 : 0;
          last = window.scrollY;
          if (still >= frames) resolve();
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    frames,
  );
}
