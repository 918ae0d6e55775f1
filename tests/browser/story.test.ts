/**
 * Every story of the built fixture site in a real Chromium, at phone and desktop sizes (the Haiti
 * story, a Pacific story across the antimeridian, the Tonga example), each scrolled through every step, its markers and their
 * detail opened by mouse and keyboard, deep links, the timeline and the back button. Every page
 * is also watched for console errors and for requests to any other host.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { builtStories, builtStory, mapReady, openStory, watch, type Watch } from './harness.ts';
import { useSite } from './setup.ts';
import { activeMarkers, expectedCamera, scrollToStep, storyOf, targetNow, waitForCamera } from './expect.ts';
import { formatWhen } from '../../src/lib/story/when.ts';
import { stepOfEvent, type Story } from '../../src/lib/story/model.ts';
import { wrapLng } from '../../src/lib/geo/bbox.ts';

const env = useSite();

/** The event id of the focused marker, if a marker has focus. */
const focusedEvent = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.event);
/** All the event ids of the focused marker (several when events share its place). */
const focusedEvents = (page: Page) =>
  page.evaluate(() => ((document.activeElement as HTMLElement | null)?.dataset.events ?? '').split(' '));

/**
 * The page stands where a scroll to the step stops (its card at the reading position the map was
 * framed for), not where the browser puts the element an address names: the step's top at the
 * window's top, which left the card mid-screen, over the step's places on a tablet. Going to the
 * step from there moves nothing.
 */
async function expectAtReadingPosition(page: Page, id: string) {
  const landed = await page.evaluate(() => window.scrollY);
  await page.evaluate((id) => window.storyMap?.goTo(id), id);
  const moved = Math.abs((await page.evaluate(() => window.scrollY)) - landed);
  expect(moved, `px from ${id}'s reading position`).toBeLessThanOrEqual(1);
}

/** `flies`: the size whose scroll-through flies the camera for real (the other jumps). */
const SIZES = [
  { name: 'phone', width: 390, height: 844, flies: true },
  { name: 'desktop', width: 1440, height: 900, flies: false },
];

/** The steps and events a test visits, where the story's own shape decides them. */
interface Visits {
  /** Reached by wheel, a notch at a time. */
  wheelTo: string;
  /** Opened by address, then scrolled to (and reloaded). */
  deep: [string, string];
  /** Start on `from`, then go to `event`'s step from the timeline. */
  timeline: { from: string; event: string };
  /** Jumped to with reduced motion. */
  jumpTo: string;
  /** Every event with a marker opens its detail, or every `sample`th in a long story. */
  sample: number;
}

/** Spread through the story: the steps a third and two thirds in, the middle, the third step. */
function visits(story: Story): Visits {
  const steps = story.steps.map((s) => s.id);
  const at = (fraction: number) => steps[Math.min(steps.length - 1, Math.floor(steps.length * fraction))] ?? '';
  const first = steps[0] ?? '';
  const later = story.steps.slice(Math.floor(steps.length / 2)).find((s) => s.events.length > 0);
  return {
    wheelTo: steps[Math.min(2, steps.length - 1)] ?? '',
    deep: [at(1 / 3), at(2 / 3)],
    timeline: { from: first, event: later?.events[0] ?? '' },
    jumpTo: at(1 / 2),
    sample: Math.max(1, Math.ceil(story.events.length / 15)),
  };
}

/**
 * Steps chosen by hand where a fixture has something to prove: the Pacific story's cross 180°
 * (its route Nukuʻalofa → Suva, its view centred on -180°). Every other story gets `visits`.
 */
const CHOSEN: Record<string, Partial<Visits>> = {
  'pacific-relief': {
    wheelTo: 'step-03',
    deep: ['step-10', 'step-17'],
    timeline: { from: 'step-01', event: 'event-021' },
  },
};

/** Every story of the built site, with the steps and events each test visits. */
const STORIES = builtStories().map((slug) => ({
  story: slug,
  path: `/${slug}/`,
  ...visits(builtStory(slug)),
  ...CHOSEN[slug],
}));

describe.each(STORIES.flatMap((s) => SIZES.map((size) => ({ ...s, ...size }))))(
  'the $story story on a $name ($width px)',
  ({ width, height, flies, path: home, wheelTo, deep, timeline, jumpTo, sample }) => {
    let page: Page;
    let watched: Watch;
    let story: Story;

    /** A page a passing test left for the next one, and the `open` arguments it answers. */
    let kept: { page: Page; watched: Watch; key: string } | undefined;

    /**
     * Opens the story at `hash`. `still`: the reader prefers reduced motion, so the camera jumps
     * and `goTo` scrolls at once; for tests of where the page ends up, not of flights or smooth
     * scrolling (the scrolling tests here and in timeline.test.ts fly and scroll for real).
     * Takes the page `handOver` kept, if it was opened the same way: a page load costs seconds.
     */
    async function open(hash = '', still = false) {
      const key = JSON.stringify([hash, still]);
      const reuse = kept?.key === key ? kept : undefined;
      if (kept && !reuse) await kept.page.close();
      kept = undefined;
      if (reuse) {
        ({ page, watched } = reuse);
      } else {
        page = await env.browser.newPage({
          viewport: { width, height },
          reducedMotion: still ? 'reduce' : 'no-preference',
        });
        watched = watch(page, env.site.url);
        await openStory(page, env.site.url + home + hash);
      }
      story = await storyOf(page);
    }

    /**
     * Leaves the page open for the next test, which must start as it would on a fresh page opened
     * with the same `hash` and `still`: only tests that change nothing a later test reads call it,
     * last, so a failing test never hands on its page.
     */
    function handOver(hash = '', still = false) {
      kept = { page, watched, key: JSON.stringify([hash, still]) };
    }

    afterEach(async () => {
      try {
        expect(watched.errors, 'console errors').toEqual([]);
        expect(watched.foreign, 'requests to other hosts').toEqual([]);
      } catch (e) {
        kept = undefined;
        throw e;
      } finally {
        if (kept?.page !== page) await page?.close();
      }
    });

    afterAll(async () => {
      await kept?.page.close();
      kept = undefined;
    });

    it('lists every step in story order, as the contract says', async () => {
      await open();
      const dom = await page.$$eval('[data-step]', (els) => els.map((el) => [el.id, (el as HTMLElement).dataset.step]));
      expect(dom.map(([id]) => id)).toEqual(story.steps.map((s) => s.id));
      expect(dom.every(([id, step]) => id === step)).toBe(true);
      const api = await page.evaluate(() => ({ steps: window.storyMap?.steps, events: window.storyMap?.events }));
      expect(api.steps).toEqual(story.steps.map((s) => s.id));
      expect(api.events).toEqual(story.events.map((e) => e.id));
      expect(await page.title()).toBe(story.title);
      // Read only: the Tab test gets a page as fresh as its own would be.
      handOver();
    });

    it('reaches a marker with Tab, opens it with Enter and closes it with its button', async () => {
      await open();
      let focused: string | undefined;
      for (let i = 0; i < 80 && !focused; i++) {
        await page.keyboard.press('Tab');
        focused = await focusedEvent(page);
      }
      expect(focused, 'a marker is reachable by Tab').toBeTruthy();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await dialog.waitFor({ state: 'visible' });
      const title = story.events.find((e) => e.id === focused)?.title ?? '';
      expect(await dialog.textContent()).toContain(title);
      await dialog.getByRole('button', { name: 'Close' }).press('Enter');
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => focusedEvent(page)).toBe(focused);
    });

    it('settles the camera at each step scrolled to, with that step’s markers standing out', async () => {
      // Flights on one size prove they end where they should; the other size checks the same end
      // state at every step after a jump, for a fraction of the time (software WebGL draws slowly).
      await open('', !flies);
      await page.evaluate(() => {
        (window as unknown as { seen: string[] }).seen = [];
        window.addEventListener('storymap:step', (e) =>
          (window as unknown as { seen: string[] }).seen.push((e as CustomEvent<{ id: string }>).detail.id),
        );
      });
      for (const step of story.steps) {
        await scrollToStep(page, step.id);
        await waitForCamera(page, step.id, await expectedCamera(page, story, step.id));
        const located = step.events.filter((id) => story.events.find((e) => e.id === id)?.place);
        expect(await activeMarkers(page), `markers of ${step.id}`).toEqual([...located].sort());
        // The address follows on the next measured frame; the first step changes no camera to wait for.
        await expect.poll(() => page.evaluate(() => location.hash), { timeout: 5000 }).toBe(`#${step.id}`);
        // Screen readers hear what the map now shows.
        const label = await page.locator('[data-testid="map"]').getAttribute('aria-label');
        expect(label).toContain(`step ${story.steps.indexOf(step) + 1} of ${story.steps.length}`);
        if (step.title) expect(label).toContain(step.title);
      }
      const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
      expect(seen).toEqual(story.steps.slice(1).map((s) => s.id));
    });

    it('ends a slow wheel scroll in the same state as a jump to the step', async () => {
      await open();
      const target = await expectedCamera(page, story, wheelTo);
      await page.mouse.move(width / 2, height / 2);
      // Scroll the way a reader does, a notch at a time, until the step is active.
      for (let i = 0; i < 200 && (await page.evaluate(() => window.storyMap?.activeStep())) !== wheelTo; i++)
        await page.mouse.wheel(0, 120);
      await scrollToStep(page, wheelTo);
      await waitForCamera(page, wheelTo, target);
      const step = story.steps.find((s) => s.id === wheelTo);
      const located = step?.events.filter((id) => story.events.find((e) => e.id === id)?.place) ?? [];
      expect(await activeMarkers(page)).toEqual([...located].sort());
    });

    it('jumps without flying when the reader prefers reduced motion', async () => {
      await open('', true);
      // Two animation frames after the scroll, a flight would still be under way; a jump is done.
      const camera = await page.evaluate(async (id) => {
        const el = document.getElementById(id) as HTMLElement;
        const r = el.getBoundingClientRect();
        window.scrollTo({ top: window.scrollY + r.top, behavior: 'instant' });
        for (let i = 0; i < 3; i++) await new Promise((ok) => requestAnimationFrame(ok));
        return window.storyMap?.camera();
      }, jumpTo);
      const target = await targetNow(page, story, jumpTo);
      expect(camera?.zoom).toBeCloseTo(target.zoom, 2);
      // 180° and -180° are one meridian.
      expect(wrapLng((camera?.center[0] ?? NaN) - target.center[0])).toBeCloseTo(0, 1);
      expect(camera?.center[1]).toBeCloseTo(target.center[1], 1);
      // The marker test goes to each event's step itself, wherever the page starts.
      handOver('', true);
    });
    it('opens every marker’s detail with a click, and Escape returns focus to it', async () => {
      // Still: a click waits for its marker to stop moving, and each goTo would fly for seconds.
      await open('', true);
      const placeOf = (id: string) => story.events.find((e) => e.id === id)?.place?.id;
      /** Goes to a step, and waits until the camera is there (a click before can land on the sea). */
      const goTo = async (id: string) => {
        await page.evaluate((id) => window.storyMap?.goTo(id), id);
        await waitForCamera(page, id, await expectedCamera(page, story, id));
      };
      for (const event of story.events.filter((e) => e.place).filter((_, i) => i % sample === 0)) {
        const marker = page.locator(`button[data-events~="${event.id}"]`);
        // A reader clicks a marker where the map shows it (elsewhere it is off the map, and inert:
        // markers.ts): at its event's step, or a step that frames another event of its place, or
        // else the first step whose map shows it whole.
        const framing =
          stepOfEvent(story, event.id) ??
          story.steps.find((s) => s.events.some((id) => placeOf(id) === event.place?.id));
        if (framing) await goTo(framing.id);
        else {
          let shown = false;
          for (const s of story.steps) {
            await goTo(s.id);
            if ((shown = !(await marker.evaluate((b) => (b as HTMLElement).inert)))) break;
          }
          expect(shown, `a step shows the marker of ${event.id}`).toBe(true);
        }
        // One marker per place: an event shares its place's marker, named after the step's event there.
        const lead = async () => {
          const id = await marker.getAttribute('data-event');
          return story.events.find((e) => e.id === id)?.title;
        };
        await expect
          .poll(async () => (await marker.getAttribute('aria-label'))?.startsWith((await lead()) ?? '-'))
          .toBe(true);
        await marker.click();
        const dialog = page.getByRole('dialog');
        await dialog.waitFor({ state: 'visible' });
        // A shared marker lists its place's events first; each opens its own detail.
        const shared = ((await marker.getAttribute('data-events')) ?? '').split(' ').length > 1;
        if (shared) await dialog.locator(`button[data-list-event="${event.id}"]`).click();
        await expect.poll(() => dialog.locator('h2').textContent()).toContain(event.title);
        expect(await dialog.textContent()).toContain(formatWhen(event.when));
        expect(await dialog.locator('a[href]').count()).toBeGreaterThan(0);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
        await expect.poll(() => focusedEvents(page)).toContain(event.id);
      }
    });

    it('lands on the step of a deep link, and again after a reload', async () => {
      const [first = '', second = ''] = deep;
      await open(`#${first}`, true);
      await waitForCamera(page, first, await expectedCamera(page, story, first));
      await expectAtReadingPosition(page, first);
      await scrollToStep(page, second);
      await waitForCamera(page, second, await expectedCamera(page, story, second));
      // The address follows the step (a task after the step changes), so a reload comes back to it.
      await expect.poll(() => page.evaluate(() => location.hash), { timeout: 5000 }).toBe(`#${second}`);
      await page.reload();
      await mapReady(page);
      await waitForCamera(page, second, await expectedCamera(page, story, second));
      await expectAtReadingPosition(page, second);
    });

    it('goes to an event’s step from the timeline, and back with the back button', async () => {
      await open(`#${timeline.from}`, true);
      await waitForCamera(page, timeline.from, await expectedCamera(page, story, timeline.from));
      // On a phone the close-up of the last days is folded away until the reader opens it.
      const closeUp = page.locator('button.close-up[aria-expanded="false"]');
      if (await closeUp.count()) await closeUp.click();
      const to = stepOfEvent(story, timeline.event)?.id ?? '';
      await page.locator(`[data-timeline-event="${timeline.event}"]`).first().click();
      await waitForCamera(page, to, await expectedCamera(page, story, to));
      expect(await page.evaluate(() => location.hash)).toBe(`#${to}`);
      await page.goBack();
      await waitForCamera(page, timeline.from, await expectedCamera(page, story, timeline.from));
    });
  },
);
