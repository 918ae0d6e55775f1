/**
 * Nothing on the page jumps while the story is read. A step changes the markers, their labels and
 * the timeline's line, and each once moved something in layout at every step (a count badge with
 * its growing marker, a label pushed by its offsets, the dates slid along by the step's title):
 * layout shifts that no input explains, which readers see and Web Vitals' CLS counts. This reads
 * every story at a phone and a desktop size with the layout-shift observer of the page itself.
 */
import { describe, expect, it } from 'vitest';
import { builtStories, mapReady, openStory, settled } from './harness.ts';
import { useSite } from './setup.ts';

const env = useSite();

interface Shift {
  step: string;
  value: number;
  sources: string[];
}

describe.each(builtStories())('the %s story', (slug) => {
  it.each([
    { width: 390, height: 844 },
    { width: 1440, height: 900 },
  ])('shifts nothing in layout from step to step at $width×$height', async ({ width, height }) => {
    const page = await env.browser.newPage({ viewport: { width, height }, reducedMotion: 'reduce' });
    await openStory(page, `${env.site.url}/${slug}/`);
    await mapReady(page);
    await settled(page);
    // From here on: the page has loaded and the live map has replaced the static one.
    await page.evaluate(() => {
      const w = window as unknown as { shifts: Shift[] };
      w.shifts = [];
      const name = (n: Node | null) => {
        const el = n?.nodeType === Node.TEXT_NODE ? n.parentElement : (n as Element | null);
        return `${n?.nodeType === Node.TEXT_NODE ? 'text in ' : ''}${el?.tagName.toLowerCase()}.${el?.className}`;
      };
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & {
          value: number;
          hadRecentInput: boolean;
          sources: { node: Node | null }[];
        })[])
          if (!e.hadRecentInput)
            w.shifts.push({
              step: window.storyMap?.activeStep() ?? '',
              value: e.value,
              sources: e.sources.map((s) => name(s.node)),
            });
      }).observe({ type: 'layout-shift' });
    });
    const steps = await page.evaluate(() => [...(window.storyMap?.steps ?? [])]);
    // Down the story once: each step change is met once (software WebGL makes every step dear).
    for (const id of steps.slice(1)) {
      await page.evaluate((id) => window.storyMap?.goTo(id), id);
      await settled(page);
      // Markers and labels are placed on the frame after the camera's last.
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    }
    const shifts = await page.evaluate(() => (window as unknown as { shifts: Shift[] }).shifts);
    expect(shifts).toEqual([]);
    await page.close();
  });
});
