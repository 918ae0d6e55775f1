/**
 * Accessibility in a real Chromium: axe-core finds no violation (all its default rules: WCAG 2.2
 * A and AA, and its best practices) on the full page and the embed page, at phone and desktop
 * sizes, in light and dark themes, with an event's detail open and closed; the whole story can be
 * walked with the keyboard alone; and stories that try to break the page (tests/fixtures/
 * page-breakers) cannot: not with their ids, their long words or their right-to-left overrides.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { openStory, serveSite, watch, type Site } from './harness.ts';
import { useSite } from './setup.ts';
import { expectedCamera, storyOf, waitForCamera } from './expect.ts';
import { duplicateIds, readsInOrder, unisolated } from './breakers.ts';
import { buildSite } from '../build-site.ts';
import { PAGE_IDS, eventRowId, sourceEntryId } from '../../src/lib/page-ids.ts';

const env = useSite();

async function violations(page: Page): Promise<string[]> {
  // axe's default rules, best practices included (landmark-unique, page-has-heading-one, …).
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 4)
        .join(' | ')}`,
  );
}

const FULL = { name: 'full page', path: '/' };
const EMBED = { name: 'embed page', path: '/mss-haiti/embed/' };
const NARROW = { width: 390, height: 844 };
const WIDE = { width: 1440, height: 900 };
// Under reduced motion (no flight to wait out before the marker can be clicked, no dialog sliding
// in while axe reads its colours), but for one case that keeps motion on.
const CASES = [
  { ...FULL, ...NARROW, scheme: 'light', motion: 'no-preference' },
  { ...FULL, ...WIDE, scheme: 'light', motion: 'reduce' },
  { ...FULL, ...NARROW, scheme: 'dark', motion: 'reduce' },
  { ...FULL, ...WIDE, scheme: 'dark', motion: 'reduce' },
  { ...EMBED, ...NARROW, scheme: 'light', motion: 'reduce' },
  { ...EMBED, ...WIDE, scheme: 'light', motion: 'reduce' },
] as const;

describe.each(CASES)('$name at $width px, $scheme, motion $motion', ({ path, width, height, scheme, motion }) => {
  it('has no axe violations, with an event’s detail closed and open', async () => {
    // axe needs a page made from a context of its own.
    const context = await env.browser.newContext({
      viewport: { width, height },
      colorScheme: scheme,
      reducedMotion: motion,
    });
    const page = await context.newPage();
    const watched = watch(page, env.site.url);
    await openStory(page, env.site.url + path);
    await page.evaluate(() => window.storyMap?.goTo('evacuation'));
    expect(await violations(page), 'dialog closed').toEqual([]);
    await page.locator('button[data-event="evacuation"]').click();
    await page.getByRole('dialog').waitFor({ state: 'visible' });
    expect(await violations(page), 'dialog open').toEqual([]);
    expect(watched.errors).toEqual([]);
    await context.close();
  });
});

describe('the embed codes', () => {
  it.each([
    { ...NARROW, scheme: 'light' },
    { ...WIDE, scheme: 'dark' },
  ] as const)('have no axe violations, open, at $width px ($scheme)', async ({ width, height, scheme }) => {
    const context = await env.browser.newContext({ viewport: { width, height }, colorScheme: scheme });
    const page = await context.newPage();
    const watched = watch(page, env.site.url);
    await page.goto(`${env.site.url}/mss-haiti/`);
    await page.getByRole('button', { name: 'Embed this story' }).click();
    await page.getByRole('dialog', { name: 'Embed this story' }).waitFor({ state: 'visible' });
    expect(await violations(page)).toEqual([]);
    expect(watched.errors).toEqual([]);
    await context.close();
  });
});

describe('the list of stories', () => {
  it.each([NARROW, WIDE])('has no axe violations, and its title lines up with the list, at $width px', async (size) => {
    // axe opens pages of its own in the page's context.
    const context = await env.browser.newContext({ viewport: size });
    const page = await context.newPage();
    await page.goto(`${env.site.url}/stories/`);
    expect(await violations(page)).toEqual([]);
    const left = (selector: string) =>
      page.evaluate((s) => document.querySelector(s)?.getBoundingClientRect().left ?? NaN, selector);
    const [title, first] = [await left('.masthead h1'), await left('.story-index li')];
    expect(Math.abs(title - first), `title at ${title} px, first story at ${first} px`).toBeLessThan(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
    await context.close();
  });
});

describe('a deep link', () => {
  it('draws no focus ring on the step it lands on, until the reader uses the keyboard', async () => {
    const page = await env.browser.newPage({ viewport: { width: 390, height: 844 } });
    await openStory(page, env.site.url + '/#evacuation');
    /** Elements with a visible outline (a focus ring), by tag and class. */
    const rings = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('*')]
          .filter((el) => {
            const style = getComputedStyle(el);
            return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
          })
          .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]}`),
      );
    // The browser focuses the step a link names; a reader who tapped a link sees no ring.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('evacuation');
    expect(await rings()).toEqual([]);
    // From the keyboard, the focused step rings its card.
    await page.keyboard.press('Shift');
    expect(await rings()).toEqual(['article.card']);
    await page.close();
  });
});

describe('text at 200%', () => {
  it.each([390, 1440])('fits a %i px wide page with no sideways scrolling or clipped cards', async (width) => {
    // Reduced motion: goTo scrolls at once, and no flight is drawn while the layout is measured.
    const page = await env.browser.newPage({ viewport: { width, height: 900 }, reducedMotion: 'reduce' });
    await openStory(page, env.site.url + '/');
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    await page.evaluate(() => window.storyMap?.goTo('injuries'));
    const layout = await page.evaluate(() => ({
      sideways: document.documentElement.scrollWidth - window.innerWidth,
      clipped: [...document.querySelectorAll<HTMLElement>('.card, .events, .sources, .masthead')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'auto')
        .map((el) => el.className),
    }));
    expect(layout.sideways).toBeLessThanOrEqual(0);
    expect(layout.clipped).toEqual([]);
    await page.close();
  });
});

describe('the keyboard alone', () => {
  it('reaches every control in a sensible order, with a visible focus ring', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await openStory(page, env.site.url + '/');
    const story = await storyOf(page);
    const seen: { kind: string; id: string; ring: boolean }[] = [];
    for (let i = 0; i < 160; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return undefined;
        // A step shows its ring on its card (the screen-tall step itself has none).
        const style = getComputedStyle((el.dataset.step && el.querySelector('.card')) || el);
        const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        const kind = el.dataset.step
          ? 'step'
          : el.dataset.event
            ? 'marker'
            : el.dataset.timelineEvent
              ? 'timeline'
              : el.classList.contains('skip')
                ? 'skip'
                : el.tagName.toLowerCase();
        return {
          kind,
          id: el.dataset.place ?? el.dataset.timelineEvent ?? el.textContent?.trim().slice(0, 40) ?? '',
          ring,
        };
      });
      if (!focused) break;
      if (seen.length > 0 && seen[0]?.kind === focused.kind && seen[0]?.id === focused.id) break;
      seen.push(focused);
    }
    const kinds = seen.map((s) => s.kind);
    expect(kinds[0], 'the skip link comes first').toBe('skip');
    // One marker per place, in the order of each place's first event.
    const places = [...new Set(story.events.flatMap((e) => (e.place ? [e.place.id] : [])))];
    expect(seen.filter((s) => s.kind === 'marker').map((s) => s.id)).toEqual(places);
    // The timeline is one Tab stop (a roving tabindex); its arrow keys reach every event.
    expect(seen.filter((s) => s.kind === 'timeline')).toHaveLength(1);
    await page.locator('[data-timeline-event][tabindex="0"]').focus();
    await page.keyboard.press('Home');
    const items = new Set<string | undefined>();
    for (let i = 0; i <= story.events.length; i++) {
      items.add(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.timelineEvent));
      await page.keyboard.press('ArrowRight');
    }
    expect(items).toEqual(new Set(story.events.map((e) => e.id)));
    // Timeline before markers (they sit above the map), and both before the event list's links.
    expect(kinds.indexOf('timeline')).toBeLessThan(kinds.indexOf('marker'));
    expect(
      seen.filter((s) => !s.ring),
      'focus rings',
    ).toEqual([]);
    await page.close();
  });

  it('brings a step focused with Tab to the reading line, with its map', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await openStory(page, env.site.url + '/');
    const story = await storyOf(page);
    await page.locator('#evacuation').focus();
    // A programmatic focus is not from the keyboard: press Tab from the step before instead.
    await page.locator('#injuries').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.id)).toBe('evacuation');
    await waitForCamera(page, 'evacuation', await expectedCamera(page, story, 'evacuation'));
    await page.close();
  });

  it('skips the map with the skip link', async () => {
    const page = await env.browser.newPage({ viewport: { width: 390, height: 844 } });
    await openStory(page, env.site.url + '/');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${PAGE_IDS.events}`);
    await page.close();
  });
});

describe('a story that tries to break the page', () => {
  let breakers: Site;
  let dir = '';
  beforeAll(async () => {
    dir = await buildSite('tests/fixtures/page-breakers', 'ids');
    breakers = await serveSite(dir);
  });
  // The built site is a scratch folder under tests/: gone with the server, not left for the next run.
  afterAll(async () => {
    await breakers?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const DESKTOP = { width: 1440, height: 900 };
  const PHONE = { width: 390, height: 844 };
  // These are about the story's words and ids, not the camera: it jumps (reduced motion), so no
  // click waits for a marker to stop flying.
  const still = { reducedMotion: 'reduce' } as const;

  // ids.yaml names its steps, events and sources after ids the page once gave its own elements.
  it('gives no two elements one id, with or without JavaScript, on the full and embed pages', async () => {
    for (const js of [true, false])
      for (const path of ['/ids/', '/ids/embed/']) {
        const context = await env.browser.newContext({ viewport: DESKTOP, javaScriptEnabled: js, ...still });
        const page = await context.newPage();
        if (js) await openStory(page, breakers.url + path);
        else await page.goto(breakers.url + path);
        expect(await page.locator('[data-step]').count()).toBe(10);
        expect(await duplicateIds(page), `${path}, JavaScript ${js ? 'on' : 'off'}`).toEqual([]);
        await context.close();
      }
  });

  it('skips the map to the list of events, not to a step called "events"', async () => {
    const page = await env.browser.newPage({ viewport: PHONE, ...still });
    await openStory(page, breakers.url + '/ids/');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${PAGE_IDS.events}`);
    expect(await page.evaluate(() => document.querySelector(':target')?.className)).toBe('events');
    const top = () => page.evaluate((id) => document.getElementById(id)?.getBoundingClientRect().top, PAGE_IDS.events);
    await expect.poll(async () => Math.abs((await top()) ?? Infinity)).toBeLessThan(5);
    await page.close();
  });

  it('names the event dialog after its event, not a step called "event-title"', async () => {
    const context = await env.browser.newContext({ viewport: DESKTOP, ...still });
    const page = await context.newPage();
    await openStory(page, breakers.url + '/ids/');
    await page.evaluate(() => window.storyMap?.goTo('app'));
    await page.locator('button[data-event="app"]').click();
    await page.getByRole('dialog', { name: 'A patrol comes under fire', exact: true }).waitFor({ timeout: 5000 });
    expect(await duplicateIds(page), 'dialog open').toEqual([]);
    expect(await violations(page), 'dialog open').toEqual([]);
    await context.close();
  });

  // long-words.yaml has a word of 300 characters (200 where that is the limit) in every field.
  it.each([
    { path: '/long-words/', js: true },
    { path: '/long-words/', js: false },
    { path: '/long-words/embed/', js: true },
    { path: '/long-words/embed/', js: false },
  ])('fits words of 300 letters on a 390 px phone ($path, JavaScript $js)', async ({ path, js }) => {
    const context = await env.browser.newContext({ viewport: PHONE, javaScriptEnabled: js, ...still });
    const page = await context.newPage();
    if (js) await openStory(page, breakers.url + path);
    else await page.goto(breakers.url + path);
    const wide = () =>
      page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        widest: [...document.querySelectorAll<HTMLElement>('body *')]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
          // Inside these, what is wider scrolls or is clipped: the page itself stays as wide.
          .filter((el) => !el.closest('.table-scroll, .stage, .visually-hidden, dialog:not([open])'))
          .map((el) => `<${el.localName} class="${el.className}">`)
          .slice(0, 5),
      }));
    expect(await wide()).toEqual({ page: 390, widest: [] });
    if (js) {
      // The event's detail: its title, place, note, quote and source are all one long word.
      await page.locator('button[data-event="deployment"]').press('Enter');
      const dialog = page.getByRole('dialog');
      await dialog.waitFor({ state: 'visible' });
      const box = await dialog.evaluate((el) => ({
        overflow: el.scrollWidth - el.clientWidth,
        ...el.getBoundingClientRect().toJSON(),
      }));
      expect(box.overflow).toBeLessThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(390);
      expect(await wide()).toEqual({ page: 390, widest: [] });
    }
    await context.close();
  });

  // bidi.yaml leaves a right-to-left override (U+202E) open in its titles, names, notes and credits.
  it.each([true, false])(
    'keeps the page’s own words in order after an unclosed override (JavaScript %s)',
    async (js) => {
      const context = await env.browser.newContext({ viewport: DESKTOP, javaScriptEnabled: js, ...still });
      const page = await context.newPage();
      if (js) await openStory(page, breakers.url + '/bidi/');
      else await page.goto(breakers.url + '/bidi/');
      expect(await unisolated(page, '\u202E')).toEqual([]);
      const inOrder = [
        [`#${sourceEntryId('desk')}`, '1 January 2025 (our copy of the report carries no web address).'],
        [`#${eventRowId('deployment')}`, '(country only; the source names no city)'],
        [`#${eventRowId('patrol')}`, '(city)'],
        [`#${eventRowId('patrol')}`, ', 1 January 2025'],
        [`#${PAGE_IDS.sources} p`, '. Credit'],
      ];
      for (const [selector = '', text = ''] of inOrder) expect(await readsInOrder(page, selector, text)).toBe(true);
      if (js) {
        await page.evaluate(() => window.storyMap?.goTo('capital'));
        expect(await readsInOrder(page, '.timeline .now', '31 December 2024')).toBe(true);
        await page.locator('button[data-event="patrol"]').click();
        await page.getByRole('dialog').waitFor({ state: 'visible' });
        expect(await unisolated(page, '\u202E'), 'dialog open').toEqual([]);
        expect(await readsInOrder(page, 'dialog .source', 'Source:')).toBe(true);
        expect(await readsInOrder(page, 'dialog .source', ', 1 January 2025')).toBe(true);
        expect(await readsInOrder(page, 'dialog .where', '(city)')).toBe(true);
      }
      await context.close();
    },
  );
});
