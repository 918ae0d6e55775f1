/**
 * The subject is never hidden: at eight sizes (phones both ways up, a tablet, two desktops, and the
 * embed page in frames 375 and 760 px wide), for every step of both fixture stories, each active
 * marker, its label, and each named place at the end of the step's routes are on screen, and what
 * the reader sees there (`document.elementFromPoint`) is the map, not the card, the timeline, the
 * key or anything else over it. Points come from the public `storyMap.project`.
 */
import { describe, expect, it } from 'vitest';
import { builtStories, openStory, watch } from './harness.ts';
import { useSite } from './setup.ts';
import { storyOf } from './expect.ts';
import type { Story } from '../../src/lib/story/model.ts';

const env = useSite();

const SIZES = [
  { name: 'phone', width: 390, height: 844, path: '' },
  { name: 'phone on its side', width: 844, height: 390, path: '' },
  { name: 'tablet', width: 768, height: 1024, path: '' },
  { name: 'tablet on its side', width: 1024, height: 768, path: '' },
  { name: 'laptop', width: 1440, height: 900, path: '' },
  { name: 'desktop', width: 1920, height: 1080, path: '' },
  { name: 'embed 375 px wide', width: 375, height: 600, path: 'embed/' },
  { name: 'embed 760 px wide', width: 760, height: 560, path: 'embed/' },
];
/** Every story of the built site. */
const STORIES = builtStories().map((slug) => ({ story: slug, home: `/${slug}/` }));

/** The points a step must show: its markers' places and the named places its routes join. */
function subjects(story: Story, stepId: string) {
  const step = story.steps.find((s) => s.id === stepId);
  const places = new Map<string, [number, number]>();
  for (const id of step?.events ?? []) {
    const place = story.events.find((e) => e.id === id)?.place;
    if (place) places.set(place.id, place.coordinates);
  }
  for (const id of step?.routes ?? []) {
    const route = story.routes.find((r) => r.id === id);
    for (const end of route ? [route.from, route.to] : [])
      if (end.precision !== 'country') places.set(end.id, end.coordinates);
  }
  return [...places].map(([id, at]) => ({ id, at }));
}

describe.each(STORIES.flatMap((s) => SIZES.map((size) => ({ ...s, ...size }))))(
  'the $story story as a $name ($width×$height)',
  ({ width, height, home, path }) => {
    it('shows every step’s subject where nothing covers it', async () => {
      const page = await env.browser.newPage({ viewport: { width, height }, reducedMotion: 'reduce' });
      const watched = watch(page, env.site.url);
      await openStory(page, env.site.url + home + path);
      const story = await storyOf(page);
      const problems: string[] = [];
      for (const step of story.steps) {
        const points = subjects(story, step.id);
        // Go, wait for the map to stop and look, in one call rather than three: each round trip
        // waits on a page busy drawing WebGL in software.
        const seen = await page.evaluate(
          async ({ id, points }) => {
            await window.storyMap?.goTo(id);
            const canvas = document.querySelector('[data-testid="map-canvas"]');
            // As patient as harness.ts `settled` (Playwright's 30 s).
            const end = performance.now() + 30_000;
            while (canvas?.getAttribute('data-moving') !== 'false') {
              if (performance.now() > end) throw new Error(`the map never stopped at ${id}`);
              await new Promise((ok) => requestAnimationFrame(ok));
            }
            // The locator inset lets clicks through, so elementFromPoint cannot see it: check its box.
            const inset = document.querySelector('[data-testid="locator"]')?.getBoundingClientRect();
            const onMap = (x: number, y: number) => {
              if (!(x >= 0 && y >= 0 && x < window.innerWidth && y < window.innerHeight)) return 'off screen';
              if (inset && x >= inset.left && x <= inset.right && y >= inset.top && y <= inset.bottom)
                return 'under the locator inset';
              const hit = document.elementFromPoint(x, y);
              if (hit?.closest('[data-testid="map-canvas"]')) return '';
              const what = hit?.closest('[class]')?.className ?? hit?.tagName ?? 'nothing';
              return `under ${String(what).split(' ')[0]}`;
            };
            const found = points.map(({ id, at }) => {
              const [x, y] = window.storyMap?.project(at) ?? [NaN, NaN];
              return { id, problem: onMap(x, y) };
            });
            // Each active marker's label, at its middle.
            const labels = [...document.querySelectorAll<HTMLElement>('button[data-event][data-active="true"]')].map(
              (m) => {
                const label = m.querySelector<HTMLElement>('.marker__label');
                const r = label?.getBoundingClientRect();
                const shown = label && r && r.width > 0 && getComputedStyle(label).visibility === 'visible';
                return {
                  id: `label of ${m.dataset.place}`,
                  problem: shown ? onMap((r.left + r.right) / 2, (r.top + r.bottom) / 2) : '',
                };
              },
            );
            return [...found, ...labels];
          },
          { id: step.id, points },
        );
        for (const s of seen) if (s.problem) problems.push(`${step.id}: ${s.id} ${s.problem}`);
      }
      expect(problems).toEqual([]);
      expect(watched.errors).toEqual([]);
      await page.close();
    });
  },
);
