/**
 * One marker per place, labelled: on the Haiti story at a phone and a desktop size, every step
 * has one marker button per place with events, and each active marker's label is shown, inside
 * the map, over no other label or marker. Markers change with the step by transforms alone, so
 * nothing of theirs shifts in layout. On the Pacific story, whose close-ups leave most places off
 * the map, a marker not wholly on it can be neither focused nor found, and focus on one on it
 * moves nothing.
 */
import { describe, expect, it } from 'vitest';
import { openStory, showing, watch } from './harness.ts';
import { useSite } from './setup.ts';
import { storyOf } from './expect.ts';

const env = useSite();

type Rect = { left: number; top: number; right: number; bottom: number };
const overlap = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe.each([
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
])('the Haiti story’s markers at $width×$height', ({ width, height }) => {
  it('has one marker per place and a clear label on each active one, at every step, moving nothing in layout', async () => {
    // Reduced motion: each goTo scrolls at once and the camera jumps, so the labels are measured
    // where the step leaves them, not somewhere along a flight.
    const page = await env.browser.newPage({ viewport: { width, height }, reducedMotion: 'reduce' });
    const watched = watch(page, env.site.url);
    await openStory(page, env.site.url + '/');
    const story = await storyOf(page);
    const places = new Set(story.events.flatMap((e) => (e.place ? [e.place.id] : [])));
    let layoutAtFirstStep: string[] | undefined;
    for (const step of story.steps) {
      await page.evaluate((id) => window.storyMap?.goTo(id), step.id);
      const seen = await page.evaluate(() => {
        const box = (el: Element) => {
          const r = el.getBoundingClientRect();
          return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        };
        const markers = [...document.querySelectorAll<HTMLElement>('button[data-event]')];
        return {
          map: box(document.querySelector('[data-testid="map"]') as Element),
          markers: markers.map((m) => ({ place: m.dataset.place ?? '', active: m.dataset.active, box: box(m) })),
          labels: markers
            .filter((m) => m.dataset.active === 'true')
            .map((m) => {
              const label = m.querySelector('.marker__label') as HTMLElement;
              return {
                place: m.dataset.place ?? '',
                text: label.textContent ?? '',
                visible: getComputedStyle(label).visibility === 'visible',
                box: box(label),
              };
            }),
        };
      });
      expect(seen.markers.map((m) => m.place).sort(), step.id).toEqual([...places].sort());
      // A step changes markers by transforms only: a box that grew, or a label moved by its
      // offsets, is a layout shift the reader sees at every step (offsets ignore transforms).
      const layout = await page.$$eval('button[data-event]', (markers) =>
        markers.map((m) => {
          const parts = [m, m.querySelector('.marker__count'), m.querySelector('.marker__label')];
          return `${m.dataset.place}: ${parts.map((el) => (el instanceof HTMLElement ? [el.offsetLeft, el.offsetTop, el.offsetWidth, el.offsetHeight].join(',') : '-')).join(' ')}`;
        }),
      );
      layoutAtFirstStep ??= layout;
      expect(
        layout.map((l) => l.replace(/ [^ ]+$/, '')),
        `${step.id}: markers and counts in layout`,
      ).toEqual(layoutAtFirstStep.map((l) => l.replace(/ [^ ]+$/, '')));
      const labelAt = (l: string) => l.split(' ').at(-1)?.split(',').slice(0, 2).join(',');
      expect(layout.map(labelAt), `${step.id}: labels in layout`).toEqual(layoutAtFirstStep.map(labelAt));
      const active = step.events.flatMap((id) => story.events.find((e) => e.id === id)?.place?.id ?? []);
      expect(seen.labels.map((l) => l.place).sort(), step.id).toEqual([...new Set(active)].sort());
      for (const [i, label] of seen.labels.entries()) {
        const where = `${step.id}: label "${label.text}"`;
        expect(label.visible, `${where} is shown`).toBe(true);
        expect(label.text.length, where).toBeGreaterThan(0);
        expect(label.box.left >= seen.map.left && label.box.right <= seen.map.right, `${where} inside`).toBe(true);
        expect(label.box.top >= seen.map.top && label.box.bottom <= seen.map.bottom, `${where} inside`).toBe(true);
        for (const other of seen.labels.slice(i + 1))
          expect(overlap(label.box, other.box), `${where} over "${other.text}"`).toBe(false);
        for (const marker of seen.markers)
          expect(overlap(label.box, marker.box), `${where} over the marker of ${marker.place}`).toBe(false);
      }
    }
    expect(watched.errors).toEqual([]);
    await page.close();
  });
});

describe.each([
  { width: 390, height: 844 },
  { width: 1440, height: 900 },
])('the Pacific story’s markers at the map’s edges at $width×$height', ({ width, height }) => {
  it('cannot be focused or found off the map or over its edge, and focus on one on it moves nothing', async () => {
    const page = await env.browser.newPage({ viewport: { width, height }, reducedMotion: 'reduce' });
    const watched = watch(page, env.site.url);
    await openStory(page, env.site.url + '/pacific-relief/');
    const story = await storyOf(page);
    const cdp = await page.context().newCDPSession(page);
    let onMap = 0;
    let offMap = 0;
    for (const step of story.steps.slice(0, 4)) {
      await page.evaluate((id) => window.storyMap?.goTo(id), step.id);
      await showing(page, step.id);
      const markers = await page.evaluate(async () => {
        const map = document.querySelector('[data-testid="map-canvas"]') as HTMLElement;
        const m = map.getBoundingClientRect();
        const frames = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
        const out = [];
        for (const button of document.querySelectorAll<HTMLElement>('button[data-event]')) {
          const r = button.getBoundingClientRect();
          const y = window.scrollY;
          button.focus();
          // Focus on a marker over the map's edge scrolled a box to show it whole, and MapLibre
          // scrolled the map's back a frame later: looked at after the focus and that frame.
          const scrolled = [map.scrollLeft, map.scrollTop];
          await frames();
          const after = button.getBoundingClientRect();
          out.push({
            place: button.dataset.place ?? '',
            name: button.getAttribute('aria-label') ?? '',
            // How far its button reaches over the map's nearest edge (negative: inside by so much).
            over: Math.max(m.left - r.left, r.right - m.right, m.top - r.top, r.bottom - m.bottom),
            focused: document.activeElement === button,
            scrolled: scrolled.concat(map.scrollLeft, map.scrollTop, window.scrollY - y).some((v) => v !== 0),
            moved: Math.hypot(after.left - r.left, after.top - r.top),
          });
        }
        return out;
      });
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      const spoken = nodes.flatMap((n) => (n.ignored || n.role?.value !== 'button' ? [] : [String(n.name?.value)]));
      for (const marker of markers) {
        const where = `${step.id}: the marker of ${marker.place}, ${marker.over.toFixed(1)} px over the map's edge,`;
        expect(marker.scrolled, `${where} scrolls the map or the page`).toBe(false);
        expect(marker.moved, `${where} moves`).toBeLessThan(0.5);
        // Within a pixel of an edge, rounding decides (the page's pixels against the map's).
        if (Math.abs(marker.over) < 1) continue;
        const off = marker.over > 0;
        expect(marker.focused, `${where} takes focus`).toBe(!off);
        // In Chromium's accessibility tree, as a screen reader finds it, unless it is not wholly on the map.
        expect(spoken.filter((name) => name === marker.name).length, `${where} heard`).toBe(off ? 0 : 1);
        if (off) offMap++;
        else onMap++;
      }
    }
    // Both kinds were there to check.
    expect(onMap).toBeGreaterThan(0);
    expect(offMap).toBeGreaterThan(0);
    expect(watched.errors).toEqual([]);
    await page.close();
  });
});
