/**
 * Marker details opened in quick succession from the keyboard: Enter, Escape, Tab, Enter, …
 * A dialog's `close` event is dispatched in a task of its own after it closes, so it can arrive
 * after the next marker's detail has opened. That late event must not shut the new detail.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openStory, watch, type Watch } from './harness.ts';
import { useSite } from './setup.ts';
import { storyOf } from './expect.ts';

const env = useSite();
let page: Page;
let watched: Watch;
afterEach(async () => {
  expect(watched.errors, 'console errors').toEqual([]);
  expect(watched.foreign, 'requests to other hosts').toEqual([]);
  await page?.close();
});

const ROUNDS = 20;

/** Counts the `close` events dialogs have dispatched (it does not bubble, so listen in capture). */
async function countCloses(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { closes: number };
    w.closes = 0;
    document.addEventListener('close', () => w.closes++, { capture: true });
  });
}

describe('marker details opened one after another by keyboard', () => {
  // Several page loads: how the page's tasks interleave differs from one load to the next.
  it.each([
    { load: 1, step: 1, then: 'the next marker' },
    { load: 2, step: 1, then: 'the next marker' },
    { load: 3, step: 1, then: 'the next marker' },
    { load: 4, step: 0, then: 'the same marker again' },
  ])('open each time with the right title, then $then (page load $load)', async ({ step }) => {
    page = await env.browser.newPage({ viewport: { width: 1440, height: 900 } });
    watched = watch(page, env.site.url);
    await countCloses(page);
    await openStory(page, env.site.url + '/');
    const story = await storyOf(page);
    // Markers follow one another in the tab order, in the order of the page's DOM.
    const markers = await page.$$eval('button[data-event]', (els) => els.map((el) => el.dataset.event ?? ''));
    // A marker shared by several events opens their list, named after the place.
    const names = await page.$$eval('button[data-event]', (els) =>
      els.map((el) => ({ id: el.dataset.event ?? '', count: (el.dataset.events ?? '').split(' ').length })),
    );
    const nameOf = (id: string) => {
      const event = story.events.find((e) => e.id === id);
      const count = names.find((n) => n.id === id)?.count ?? 1;
      return count > 1 ? `${count} events at ${event?.place?.name ?? ''}` : (event?.title ?? '');
    };
    expect(markers.length).toBeGreaterThan(2);
    await page.locator(`button[data-event="${markers[0]}"]`).focus();
    const dialog = (title: string) => page.getByRole('dialog', { name: title, exact: true });

    for (let round = 0; round < ROUNDS; round++) {
      const id = markers[(round * step) % markers.length] ?? '';
      const title = nameOf(id);
      expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.event)).toBe(id);
      await page.keyboard.press('Enter');
      // Every close so far has been dispatched (and handled) before the detail is looked at, so a
      // late close that wrongly shuts this one has done so by then.
      await page.waitForFunction((n) => (window as unknown as { closes: number }).closes >= n, round);
      expect(await dialog(title).isVisible(), `round ${round}: the detail of ${id} is open`).toBe(true);
      expect(await page.locator('dialog[open]').count(), `round ${round}: one open dialog`).toBe(1);
      await page.keyboard.press('Escape');
      // No waiting for the close event: the next marker is focused and opened straight away. The
      // marker that opened a detail has focus again once it closes, so the same one needs no key.
      const next = markers[((round + 1) * step) % markers.length] ?? '';
      if (step === 0) continue;
      if (next === markers[0]) await page.locator(`button[data-event="${next}"]`).focus();
      else await page.keyboard.press('Tab');
    }
    await page.waitForFunction((n) => (window as unknown as { closes: number }).closes >= n, ROUNDS);
    expect(await page.locator('dialog[open]').count(), 'closed after the last Escape').toBe(0);
  });
});
