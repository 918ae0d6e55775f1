/**
 * The text font is not preloaded, and `font-display: optional` drops it for a visit when it comes
 * late: the page is then set in app.css's fallback, a local Arial-metric font scaled to Source
 * Sans. A reader should not be able to tell by the layout: the cards wrap to the same lines, or
 * within one, so a step framed for the cards in one font is framed for them in the other (framing.test.ts
 * proves the framing in whichever font a run happens to get).
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { builtStories, openStory } from './harness.ts';
import { useSite } from './setup.ts';

const env = useSite();

/** The height of every step's card, in story order, and the tallest line of its text. */
const cards = (page: Page) =>
  page.$$eval('[data-step] .card', (cards) =>
    cards.map((c) => ({
      height: Math.round(c.getBoundingClientRect().height),
      line: Math.max(...[c, ...c.querySelectorAll('*')].map((el) => parseFloat(getComputedStyle(el).lineHeight) || 0)),
    })),
  );

/** The families the page's text is drawn in now. */
const loadedFaces = (page: Page) =>
  page.evaluate(() =>
    [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family.replace(/"/g, '')} ${f.weight}`),
  );

/** Opens `path` in `context` at the size of a small embed, where a taller card covers the map soonest. */
async function open(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 375, height: 600 });
  await openStory(page, url);
  return page;
}

describe.each(builtStories())('the %s story', (slug) => {
  it('wraps the cards to the same lines, or within one, in its font and in the fallback', async () => {
    const url = `${env.site.url}/${slug}/`;

    // The font: `optional` may skip it on a busy machine, so this page waits for it (`block`).
    const withFont = await env.browser.newContext();
    // The style is inside the page (inline-css.ts): the page is what is rewritten.
    await withFont.route(url, async (route) => {
      const response = await route.fetch();
      const css = (await response.text()).replace(/font-display:\s*optional/g, 'font-display:block');
      await route.fulfill({ response, body: css });
    });
    const inFont = await open(withFont, url);
    await inFont.evaluate(() => document.fonts.ready);
    expect(await loadedFaces(inFont)).toEqual(expect.arrayContaining(['Source Sans 3 400', 'Source Sans 3 600']));
    const inTheFont = await cards(inFont);

    // The fallback: the font's files never arrive.
    const without = await env.browser.newContext();
    await without.route(/\.woff2$/, (route) => route.abort());
    const fallback = await open(without, url);
    const faces = await loadedFaces(fallback);
    expect(
      faces.filter((f) => /^Source Sans 3 \d+$/.test(f)),
      'no Source Sans',
    ).toEqual([]);
    expect(faces).toEqual(expect.arrayContaining(['Source Sans 3 fallback 400', 'Source Sans 3 fallback 600']));

    // Two fonts never break every line at the same word: a card may gain or lose a line, but
    // no more, and most keep theirs. (The system font, a quarter wider, added one or two lines
    // to nearly every card.)
    const inFallback = await cards(fallback);
    expect(inTheFont.length).toBeGreaterThan(0);
    expect(inFallback.length).toBe(inTheFont.length);
    const changed = inTheFont.filter((card, i) => card.height !== inFallback[i]?.height);
    for (const [i, card] of inTheFont.entries())
      expect(Math.abs((inFallback[i]?.height ?? 0) - card.height), `card ${i + 1}`).toBeLessThanOrEqual(
        card.line * 1.25,
      );
    expect(changed.length, 'cards of another height').toBeLessThanOrEqual(inTheFont.length / 5);
    await withFont.close();
    await without.close();
  });
});

describe('the timeline’s names', () => {
  it('are placed once, in the font the page is drawn in, when the font arrives just after the timeline', async () => {
    // The font may arrive after the timeline is first drawn and still within its block period,
    // when the page swaps it in (seen once in about a hundred loads at 768×1024). That window is
    // made wide here: the page's fonts are `swap` instead of `optional`, and are held until the
    // timeline has been drawn, then let through.
    const context = await env.browser.newContext({ viewport: { width: 768, height: 1024 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.route(`${env.site.url}/mss-haiti/`, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replaceAll('font-display:optional', 'font-display:swap');
      expect(body).toContain('font-display:swap');
      await route.fulfill({ response, body });
    });
    let release = () => {};
    const held = new Promise<void>((ok) => (release = ok));
    await page.route('**/*.woff2', async (route) => {
      await held;
      await route.continue();
    });
    // Each name as first drawn: the first change that adds any.
    await page.addInitScript(() => {
      const w = window as unknown as { firstNames?: string[] };
      const seen = new MutationObserver(() => {
        const names = [...document.querySelectorAll<HTMLElement>('.timeline .name')];
        if (!names.length) return;
        w.firstNames = names.map((n) => `${n.textContent} ${n.style.left} ${n.style.width}`);
        seen.disconnect();
      });
      seen.observe(document, { childList: true, subtree: true });
    });
    // The page's timers stand still, so the font, however slow this machine, arrives within the
    // block period (measure.ts FONT_BLOCK_MS), as it can on a reader's phone.
    await page.clock.install();
    await page.clock.pauseAt(Date.now() + 60_000);
    // Not until `load`: the held fonts hold it back.
    await page.goto(`${env.site.url}/mss-haiti/`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.timeline[data-drawn]');
    release();
    await page.waitForFunction(
      () =>
        document.fonts.status === 'loaded' &&
        [...document.fonts].some(
          (f) => f.family.includes('Source Sans 3') && !f.family.includes('fallback') && f.status === 'loaded',
        ),
    );
    await page.waitForFunction(() => (window as unknown as { firstNames?: string[] }).firstNames !== undefined);
    // Time for the names the font's arrival would move (the page's own timers stand still).
    await new Promise((ok) => setTimeout(ok, 300));
    const first = await page.evaluate(() => (window as unknown as { firstNames: string[] }).firstNames);
    const now = await page.$$eval('.timeline .name', (names) =>
      names.map((n) => `${n.textContent} ${(n as HTMLElement).style.left} ${(n as HTMLElement).style.width}`),
    );
    expect(first.length).toBeGreaterThan(0);
    expect(now).toEqual(first);
    await context.close();
  });
});
