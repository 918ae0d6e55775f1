/**
 * The timeline's height budget: whatever the number of events, the laid-out timeline is at most
 * a fifth of the map column (or its smallest form, on a very short screen), and every event is
 * still on it, once, in a lane of its own or in a cluster.
 */
import { describe, expect, it } from 'vitest';
import { layoutTimeline, type Axis } from '../../src/lib/timeline/layout.ts';
import { fitLanes, HIT, MIN_LANE, type LaneItem } from '../../src/lib/timeline/lanes.ts';
import { heightOf, plan, rows } from '../../src/lib/timeline/budget.ts';
import { parseCalendarDate, type CalendarDate } from '../../src/lib/story/dates.ts';
import { manyEvents } from './timeline-events.ts';

const published = parseCalendarDate('2025-04-03') as CalendarDate;

describe('the lane budget', () => {
  const r = rows();
  /** The smallest a timeline can be: one axis of one thin lane. */
  const smallest = heightOf(r, { overview: true, detail: false }, [MIN_LANE]);

  describe.each([1, 2, 10, 150, 1000])('with %i events', (n) => {
    const events = manyEvents(n);
    it.each(
      [390, 600, 844, 900, 1024, 1080].flatMap((column) =>
        [300, 390, 700, 1400].flatMap((width) => [true, false].map((closeUp) => ({ column, width, closeUp }))),
      ),
    )('fits $column px of map column at $width px wide (close-up open: $closeUp)', ({ column, width, closeUp }) => {
      const layout = layoutTimeline(events, published, width, { columnHeight: column, closeUp });
      expect(layout.height).toBeLessThanOrEqual(Math.max(0.2 * column, smallest));
      const shown = [layout.shown.overview && layout.overview, layout.shown.detail && layout.detail].filter(
        (a): a is Axis => !!a,
      );
      expect(layout.height).toBe(
        heightOf(
          layout.rows,
          layout.shown,
          shown.map((a) => a.lanes * a.laneHeight),
        ),
      );
      const ids = [layout.overview, layout.detail].flatMap((a) => a?.items.map((i) => i.id) ?? []);
      expect(ids.sort()).toEqual(events.map((e) => e.id).sort());
      for (const axis of shown)
        for (const item of axis.items) {
          expect(item.lane).toBeGreaterThanOrEqual(0);
          expect(item.lane).toBeLessThan(axis.lanes);
        }
    });
  });

  it('lays out 150 events in about a fifth of a phone’s map, where it once took 148 lanes', () => {
    const layout = layoutTimeline(manyEvents(150), published, 358, { columnHeight: 844, closeUp: false });
    expect(layout.height).toBeLessThanOrEqual(0.2 * 844);
    // Laid out with no budget, as before, the same events need dozens of 24 px lanes.
    expect(layoutTimeline(manyEvents(150), published, 358).overview.lanes).toBeGreaterThan(20);
  });
});

describe('fitLanes', () => {
  const points = (xs: number[]): LaneItem[] => xs.map((x) => ({ x0: x, x1: x, point: true }));
  it.each([
    {
      name: 'room for 24 px targets',
      items: points([10, 50, 90]),
      height: 100,
      tier: 'full',
      lanes: 1,
      laneHeight: HIT,
    },
    { name: 'targets too close share no lane', items: points([10, 20, 30]), height: 72, tier: 'full', lanes: 3 },
    { name: 'too close for full lanes: thin', items: points([10, 20, 30]), height: 40, tier: 'thin', lanes: 1 },
    { name: 'one spot, many events: thin lanes', items: points([50, 50, 50, 50]), height: 40, tier: 'thin', lanes: 4 },
    {
      name: 'too many for thin lanes: a cluster',
      items: points(Array(30).fill(50)),
      height: 27,
      tier: 'dense',
      lanes: 3,
    },
    { name: 'one lane only: all clustered', items: points([50, 52, 54, 200]), height: 9, tier: 'dense', lanes: 1 },
  ])('$name', ({ items, height, tier, lanes, laneHeight }) => {
    const fit = fitLanes(items, height);
    expect(fit).toMatchObject({ tier, lanes, ...(laneHeight ? { laneHeight } : {}) });
    expect(fit.lanes * fit.laneHeight).toBeLessThanOrEqual(Math.max(height, MIN_LANE));
    // Buttons never overlap in a lane; clustered items tile their cluster.
    for (const a of fit.placed)
      for (const b of fit.placed)
        if (a !== b && a.lane === b.lane) expect(a.hit1 <= b.hit0 + 1e-9 || b.hit1 <= a.hit0 + 1e-9).toBe(true);
    for (const c of fit.clusters) {
      const slices = c.members.map((i) => fit.placed[i]);
      expect(slices[0]?.hit0).toBeCloseTo(c.x0 - 1, 9);
      expect(slices.at(-1)?.hit1).toBeCloseTo(c.x1 + 1, 9);
    }
  });
});

describe('plan', () => {
  const r = rows();
  const few = { full: 2, thin: 2 };
  const many = { full: 40, thin: 12 };
  it.each([
    { name: 'no close-up', max: 180, o: few, d: undefined, open: true, shown: [true, false] },
    { name: 'close-up folded', max: 180, o: few, d: many, open: false, shown: [true, false] },
    { name: 'both fit in full lanes', max: 400, o: few, d: few, open: true, shown: [true, true], areas: [48, 48] },
    { name: 'both, thin', max: 180, o: few, d: many, open: true, shown: [true, true] },
    { name: 'a short screen: the close-up alone', max: 78, o: few, d: many, open: true, shown: [false, true] },
  ])('$name', ({ max, o, d, open, shown, areas }) => {
    const p = plan(max, r, o, d, open);
    expect([p.overview, p.detail]).toEqual(shown);
    if (areas) expect([p.areas.overview, p.areas.detail]).toEqual(areas);
    const used = [p.areas.overview, p.areas.detail];
    expect(heightOf(r, p, used)).toBeLessThanOrEqual(Math.max(max, heightOf(r, p, [MIN_LANE])));
  });
});
