/**
 * What a reader sees of an event's detail, the event table and a printout: the detail pops up
 * beside its marker on a wide screen and never over it, is a sheet along the bottom on a phone,
 * starts on its heading and gives focus back on Escape; the table is cards on a phone; a printed
 * ten-step story takes a handful of pages, not a page a step.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openStory, settled, watch, type Watch } from './harness.ts';
import { useSite } from './setup.ts';

const env = useSite();
let context: BrowserContext | undefined;
let watched: Watch | undefined;
afterEach(async () => {
  expect(watched?.errors, 'console errors').toEqual([]);
  expect(watched?.foreign, 'requests to other hosts').toEqual([]);
  await context?.close();
  context = undefined;
  watched = undefined;
});

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

async function story(options: Parameters<Browser['newContext']>[0], js = true): Promise<Page> {
  context = await env.browser.newContext({ ...options, javaScriptEnabled: js });
  const page = await context.newPage();
  watched = watch(page, env.site.url);
  if (js) {
    await openStory(page, env.site.url + '/');
    await settled(page);
  } else await page.goto(env.site.url + '/');
  return page;
}

/** Markers a reader can see and reach: inside the viewport and not under the timeline or a card. */
function visibleMarkers(page: Page): Promise<string[]> {
  return page.$$eval('button[data-event]', (els) =>
    els
      .filter((el) => {
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth && el.contains(hit);
      })
      .map((el) => el.dataset.event ?? ''),
  );
}

/** Opens a marker's detail from the keyboard; returns the marker's rect and the settled dialog's. */
async function open(page: Page, id: string) {
  const marker = page.locator(`button[data-event="${id}"]`);
  const anchor = await marker.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
  await marker.press('Enter');
  const dialog = page.locator('dialog[open]');
  await dialog.waitFor({ state: 'visible' });
  return { anchor, box: await settledBox(page) };
}

/** The open dialog's rect once its opening animation (if any) has finished. */
async function settledBox(page: Page): Promise<DOMRect> {
  return page.locator('dialog[open]').evaluate(async (el) => {
    await Promise.all(el.getAnimations().map((a) => a.finished));
    return el.getBoundingClientRect().toJSON() as DOMRect;
  });
}

const overlaps = (a: DOMRect, b: DOMRect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** What has focus, as something a failed test can print. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (el?.matches('dialog[open] h2')) return 'dialog heading';
    return el?.dataset.event ? `marker ${el.dataset.event}` : `<${el?.localName}>`;
  });

describe('the detail of an event', () => {
  it('pops up beside its marker on a wide screen, clear of it and inside the window', async () => {
    const page = await story({ viewport: DESKTOP });
    const markers = await visibleMarkers(page);
    expect(markers.length, 'markers to open').toBeGreaterThan(1);
    for (const id of markers) {
      const { anchor, box } = await open(page, id);
      expect(overlaps(anchor, box), `${id}: ${JSON.stringify({ anchor, box })}`).toBe(false);
      expect(box.left, id).toBeGreaterThanOrEqual(8);
      expect(box.top, id).toBeGreaterThanOrEqual(8);
      expect(box.right, id).toBeLessThanOrEqual(DESKTOP.width - 8);
      expect(box.bottom, id).toBeLessThanOrEqual(DESKTOP.height - 8);
      expect(await focused(page), `${id}: focus after opening`).toBe('dialog heading');
      // A shared marker's list: the detail picked from it is placed afresh, clear of the marker too.
      const pick = page.locator('dialog[open] [data-list-event]').first();
      if (await pick.count()) {
        await pick.click();
        await page.locator('dialog[open] [data-event]').waitFor();
        const detail = await settledBox(page);
        expect(overlaps(anchor, detail), `${id}, picked from its list`).toBe(false);
        expect(detail.bottom).toBeLessThanOrEqual(DESKTOP.height - 8);
        expect(await focused(page), `${id}: focus after picking`).toBe('dialog heading');
      }
      await page.keyboard.press('Escape');
      await page.locator('dialog[open]').waitFor({ state: 'detached' });
      await expect.poll(() => focused(page), { message: `${id}: focus after Escape` }).toBe(`marker ${id}`);
    }
  });

  it('is a sheet along the bottom of a phone, as wide as the screen', async () => {
    const page = await story({ viewport: PHONE, isMobile: true, hasTouch: true });
    const id = (await page.$$eval('button[data-event]', (els) => els.map((el) => el.dataset.event ?? '')))[0] ?? '';
    const { box } = await open(page, id);
    expect(box.left).toBeCloseTo(0, 0);
    expect(box.width).toBeCloseTo(PHONE.width, 0);
    expect(box.bottom).toBeCloseTo(PHONE.height, 0);
    expect(box.height).toBeLessThanOrEqual(PHONE.height * 0.6 + 1);
    expect(await focused(page)).toBe('dialog heading');
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page)).toBe(`marker ${id}`);
  });

  it.each([
    { motion: 'no-preference' as const, slides: true },
    { motion: 'reduce' as const, slides: false },
  ])('slides up on a phone only if motion is welcome ($motion)', async ({ motion, slides }) => {
    const page = await story({ viewport: PHONE, reducedMotion: motion });
    await page.locator('button[data-event]').first().press('Enter');
    const animations = await page.locator('dialog[open]').evaluate((el) => el.getAnimations().length);
    expect(animations > 0).toBe(slides);
  });

  it('takes the dark page colours in a dark theme', async () => {
    const page = await story({ viewport: DESKTOP, colorScheme: 'dark' });
    const [id] = await visibleMarkers(page);
    await open(page, id ?? '');
    const colours = await page.locator('dialog[open]').evaluate((el) => {
      const paper = getComputedStyle(document.documentElement).getPropertyValue('--paper').trim();
      const probe = document.createElement('i');
      probe.style.color = paper;
      document.body.append(probe);
      const expected = getComputedStyle(probe).color;
      probe.remove();
      return { background: getComputedStyle(el).backgroundColor, expected };
    });
    expect(colours.background).toBe(colours.expected);
    expect(colours.background).not.toBe('rgb(255, 255, 255)');
  });
});

describe('the table of all events', () => {
  it.each([true, false])('is cards a phone can show whole (JavaScript %s)', async (js) => {
    const page = await story({ viewport: PHONE }, js);
    const table = page.locator('section.events');
    await table.scrollIntoViewIfNeeded();
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      table: document.querySelector('.events table')?.getBoundingClientRect().right ?? Infinity,
      scrolls: (() => {
        const s = document.querySelector('.table-scroll');
        return s ? s.scrollWidth - s.clientWidth : 0;
      })(),
    }));
    expect(widths.page, 'page width').toBe(PHONE.width);
    expect(widths.table, 'table right edge').toBeLessThanOrEqual(PHONE.width);
    expect(widths.scrolls, 'table scrolls sideways by').toBe(0);
    // Each cell is named after its column, on screen, and it is still a table to assistive tech.
    const label = await page
      .locator('.events tbody td')
      .first()
      .evaluate((td) => getComputedStyle(td, '::before').content);
    expect(label).toContain('When');
    expect(await page.getByRole('columnheader', { name: 'When' }).count()).toBe(1);
    expect(await page.getByRole('row').count()).toBeGreaterThan(5);
  });

  it('stays a table of five columns on a wide screen', async () => {
    const page = await story({ viewport: DESKTOP }, false);
    const lefts = await page.$$eval('.events tbody tr:first-child > *', (cells) =>
      cells.map((c) => Math.round(c.getBoundingClientRect().left)),
    );
    expect(lefts).toHaveLength(5);
    expect(new Set(lefts).size, 'cells side by side').toBe(5);
  });
});

describe('printing', () => {
  const pages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;

  it.each([
    { format: 'A4', js: true },
    { format: 'Letter', js: true },
    { format: 'A4', js: false },
  ])('puts the ten-step story on a handful of pages ($format, JavaScript $js)', async ({ format, js }) => {
    const page = await story({ viewport: DESKTOP }, js);
    expect(await page.locator('[data-step]').count()).toBe(10);
    await page.emulateMedia({ media: 'print' });
    const count = pages(await page.pdf({ format }));
    // Header, ten steps with their maps, the event table and the sources: a page a step was 12.
    expect(count).toBeGreaterThanOrEqual(3);
    expect(count).toBeLessThanOrEqual(6);
  });
});
