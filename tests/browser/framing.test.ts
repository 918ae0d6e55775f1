/**
 * The subject is never hidden: at eight sizes (phones both ways up, a tablet, two desktops, and the
 * embed page in frames 375 and 760 px wide), for every step of every fixture story, each active
 * marker, its label, and each named place at the end of the step's routes are on screen, and what
 * the reader sees there (`document.elementFromPoint`) is the map, not the card, the timeline, the
 * key or anything else over it. Points come from the public `storyMap.project`.
 *
 * On a phone and a laptop the same walk also checks two things that need every step visited:
 * - the timeline covers none of the markers a step's camera fits, which all sit below it;
 * - nothing on the page jumps. A step changes the markers, their labels and the timeline's line,
 *   and each once moved something in layout at every step (a count badge with its growing marker,
 *   a label pushed by its offsets, the dates slid along by the step's title): layout shifts that no
 *   input explains, which readers see and Web Vitals' CLS counts. The page's own layout-shift
 *   observer reads them.
 * At every size, the page's load shifts nothing either: from the first paint of the page the build
 * wrote, through the script drawing the timeline and the key below it, to the live map. And at
 * the end of each walk the live map is drawn to every edge of its box, nothing left blank.
 * One walk per story and size, not one per check: software WebGL makes every step dear, and the
 * 40-step story was walked three times at each of these sizes.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { builtStories, openStory, settled, watch } from './harness.ts';
import { useSite } from './setup.ts';
import { storyOf } from './expect.ts';
import type { Story } from '../../src/lib/story/model.ts';

const env = useSite();

const SIZES = [
  { name: 'phone', width: 390, height: 844, path: '', every: true },
  { name: 'phone on its side', width: 844, height: 390, path: '', every: false },
  { name: 'tablet', width: 768, height: 1024, path: '', every: false },
  { name: 'tablet on its side', width: 1024, height: 768, path: '', every: false },
  { name: 'laptop', width: 1440, height: 900, path: '', every: true },
  { name: 'desktop', width: 1920, height: 1080, path: '', every: false },
  { name: 'embed 375 px wide', width: 375, height: 600, path: 'embed/', every: false },
  { name: 'embed 760 px wide', width: 760, height: 560, path: 'embed/', every: false },
];

interface Shift {
  step: string;
  value: number;
  sources: string[];
}

/**
 * Records, from the page's first paint, the layout shifts that no input explains, with the step
 * shown at each (`window.shifts`): what moves while the page loads, hydrates and brings in the
 * live map, then what moves as the steps are walked (`takeShifts` empties the record).
 */
function recordShifts(page: Page) {
  return page.addInitScript(() => {
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
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The layout shifts recorded since the page opened or the last call, and a fresh record. */
const takeShifts = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { shifts: Shift[] };
    const shifts = w.shifts;
    w.shifts = [];
    return shifts;
  });

/** The timeline's height as a share of the map column's. */
const timelineShare = (page: Page) =>
  page.evaluate(() => {
    const timeline = document.querySelector<HTMLElement>('.timeline-slot')?.offsetHeight ?? Infinity;
    const column = document.querySelector<HTMLElement>('.stage')?.clientHeight ?? 0;
    return timeline / column;
  });
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

/**
 * Pixels of the map's box on screen that the live map left undrawn, between the world's top and
 * bottom edges (beyond them MapLibre draws nothing, and the box's sea colour shows, by design):
 * the box is given a colour no layer of the map uses, and the page is photographed. A fully
 * opaque timeline once made Chromium's software compositor leave a strip as tall as the timeline
 * blank at the foot of the map (Timeline.svelte), on every step at every size. The edges are taken
 * as level, as they are under a camera with no bearing (the fixtures' last steps have none).
 */
async function undrawn(page: Page): Promise<number> {
  const edge = 85.0511;
  const [top, bottom] = await page.evaluate(
    (lat) => [window.storyMap?.project([0, lat])?.[1] ?? NaN, window.storyMap?.project([0, -lat])?.[1] ?? NaN],
    edge,
  );
  if (!Number.isFinite(top) || !Number.isFinite(bottom)) throw new Error('no live map to look at');
  const style = await page.addStyleTag({ content: '[data-testid="map-canvas"] { background: #f0f !important; }' });
  const png = PNG.sync.read(await page.screenshot());
  await style.evaluate((tag) => (tag as Element).remove());
  let n = 0;
  for (let y = Math.max(0, Math.ceil(top + 1)); y < Math.min(png.height, bottom - 1); y++)
    for (let x = 0, i = y * png.width * 4; x < png.width; x++, i += 4)
      if ((png.data[i] ?? 0) > 250 && (png.data[i + 1] ?? 255) < 5 && (png.data[i + 2] ?? 0) > 250) n++;
  return n;
}

describe.each(STORIES.flatMap((s) => SIZES.map((size) => ({ ...s, ...size }))))(
  'the $story story as a $name ($width×$height)',
  ({ width, height, home, path, every }) => {
    const title = every
      ? 'shows every step’s subject where nothing covers it, below the timeline, and shifts nothing in layout'
      : 'shows every step’s subject where nothing covers it';
    it(title, async () => {
      // Reduced motion: the camera jumps, and 40 steps take seconds, not minutes.
      const page = await env.browser.newPage({ viewport: { width, height }, reducedMotion: 'reduce' });
      const watched = watch(page, env.site.url);
      await recordShifts(page);
      await openStory(page, env.site.url + home + path);
      const story = await storyOf(page);
      const problems: string[] = [];
      await settled(page);
      // The page's load, the script's and the live map's arrival shift nothing, at every size.
      expect(await takeShifts(page), 'layout shifts while the page loads').toEqual([]);
      if (every) {
        expect(await timelineShare(page)).toBeLessThanOrEqual(0.22);
      }
      const placeOf = Object.fromEntries(story.events.map((e) => [e.id, e.place?.id ?? '']));
      let belowTimeline = 0;
      for (const step of story.steps) {
        const points = subjects(story, step.id);
        // The camera reserves the timeline's height for the places it fits (a `view` camera is
        // the author's own choice of centre and zoom, and frames nothing).
        const framed = every && step.camera.kind === 'fit' ? step.camera.ids : [];
        // Go, wait for the map to stop and look, in one call rather than three: each round trip
        // waits on a page busy drawing WebGL in software.
        const seen = await page.evaluate(
          async ({ id, points, framed, placeOf, every }) => {
            await window.storyMap?.goTo(id);
            const canvas = document.querySelector('[data-testid="map-canvas"]');
            // As patient as harness.ts `settled` (Playwright's 30 s).
            const end = performance.now() + 30_000;
            while (canvas?.getAttribute('data-moving') !== 'false') {
              if (performance.now() > end) throw new Error(`the map never stopped at ${id}`);
              await new Promise((ok) => requestAnimationFrame(ok));
            }
            // Markers and labels are placed on the frame after the camera's last: a shift they
            // make is seen before the next step is asked for.
            if (every) await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
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
            // The markers the camera fits sit below the timeline, and it covers none of them.
            const timeline = document.querySelector('.timeline-slot') as HTMLElement;
            const fitted = [...document.querySelectorAll<HTMLElement>('button[data-event][data-active="true"]')]
              .filter((m) => framed.includes(placeOf[m.dataset.event ?? ''] ?? ''))
              .map((marker) => {
                const r = marker.getBoundingClientRect();
                const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
                const at = document.elementFromPoint(x, y);
                // Covered by the timeline, or by nothing at all: the step card is another matter.
                const covered = !!at && timeline.contains(at);
                const below = y > timeline.getBoundingClientRect().bottom;
                return {
                  id: `fitted marker ${marker.dataset.event}`,
                  problem: covered ? 'under the timeline' : below ? '' : 'not below the timeline',
                };
              });
            return { seen: [...found, ...labels, ...fitted], fitted: fitted.length };
          },
          { id: step.id, points, framed, placeOf, every },
        );
        for (const s of seen.seen) if (s.problem) problems.push(`${step.id}: ${s.id} ${s.problem}`);
        belowTimeline += seen.fitted;
      }
      expect(problems).toEqual([]);
      expect(await undrawn(page), `px of the map left undrawn at ${story.steps.at(-1)?.id}`).toBe(0);
      expect(watched.errors).toEqual([]);
      if (every) {
        // Not vacuous: the story's steps fit some of their own markers below the timeline.
        expect(belowTimeline).toBeGreaterThanOrEqual(5);
        expect(await takeShifts(page), 'layout shifts while the steps are walked').toEqual([]);
      }
      await page.close();
    });
  },
);
