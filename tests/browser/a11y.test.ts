/**
 * Accessibility in a real Chromium: axe-core finds no violation (WCAG 2.2 A and AA rules) on
 * the full page and the embed page, at phone and desktop sizes, in light and dark themes, with
 * an event's detail open and closed; and the whole story can be walked with the keyboard alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { launch, openStory, serveSite, watch, type Site } from './harness.ts';
import { expectedCamera, storyOf, waitForCamera } from './expect.ts';

let site: Site;
let browser: Browser;
beforeAll(async () => {
  [site, browser] = await Promise.all([serveSite(), launch()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 4)
        .join(' | ')}`,
  );
}

const CASES = [
  { name: 'full page', path: '/', width: 390, height: 844, scheme: 'light' as const },
  { name: 'full page', path: '/', width: 1440, height: 900, scheme: 'light' as const },
  { name: 'full page', path: '/', width: 390, height: 844, scheme: 'dark' as const },
  { name: 'full page', path: '/', width: 1440, height: 900, scheme: 'dark' as const },
  { name: 'embed page', path: '/mss-haiti/embed/', width: 390, height: 844, scheme: 'light' as const },
  { name: 'embed page', path: '/mss-haiti/embed/', width: 1440, height: 900, scheme: 'light' as const },
];

describe.each(CASES)('$name at $width px, $scheme', ({ path, width, height, scheme }) => {
  it('has no axe violations, with an event’s detail closed and open', async () => {
    // axe needs a page made from a context of its own.
    const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme });
    const page = await context.newPage();
    const watched = watch(page, site.url);
    await openStory(page, site.url + path);
    await page.evaluate(() => window.storyMap?.goTo('evacuation'));
    expect(await violations(page), 'dialog closed').toEqual([]);
    await page.locator('button[data-event="evacuation"]').click();
    await page.getByRole('dialog').waitFor({ state: 'visible' });
    expect(await violations(page), 'dialog open').toEqual([]);
    expect(watched.errors).toEqual([]);
    await context.close();
  });
});

describe('text at 200%', () => {
  it.each([390, 1440])('fits a %i px wide page with no sideways scrolling or clipped cards', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await openStory(page, site.url + '/');
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
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await openStory(page, site.url + '/');
    const story = await storyOf(page);
    const seen: { kind: string; id: string; ring: boolean }[] = [];
    for (let i = 0; i < 160; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return undefined;
        const style = getComputedStyle(el);
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
          id: el.dataset.event ?? el.dataset.timelineEvent ?? el.textContent?.trim().slice(0, 40) ?? '',
          ring,
        };
      });
      if (!focused) break;
      if (seen.length > 0 && seen[0]?.kind === focused.kind && seen[0]?.id === focused.id) break;
      seen.push(focused);
    }
    const kinds = seen.map((s) => s.kind);
    expect(kinds[0], 'the skip link comes first').toBe('skip');
    const located = story.events.filter((e) => e.place).map((e) => e.id);
    expect(seen.filter((s) => s.kind === 'marker').map((s) => s.id)).toEqual(located);
    expect(new Set(seen.filter((s) => s.kind === 'timeline').map((s) => s.id))).toEqual(
      new Set(story.events.map((e) => e.id)),
    );
    // Timeline before markers (they sit above the map), and both before the event list's links.
    expect(kinds.indexOf('timeline')).toBeLessThan(kinds.indexOf('marker'));
    expect(
      seen.filter((s) => !s.ring),
      'focus rings',
    ).toEqual([]);
    await page.close();
  });

  it('brings a step focused with Tab to the reading line, with its map', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await openStory(page, site.url + '/');
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
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await openStory(page, site.url + '/');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#events');
    await page.close();
  });
});
