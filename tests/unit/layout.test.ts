import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildStory } from '../../src/build/stories.ts';
import { layoutTimeline, packLanes, type Axis, type Item } from '../../src/lib/timeline/layout.ts';
import { parseCalendarDate } from '../../src/lib/story/dates.ts';
import type { When } from '../../src/lib/story/when.ts';
import { manyEvents } from './timeline-events.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { story } = buildStory(`${root}data/stories/mss-haiti.yaml`, root);
const width = 400;
const layout = layoutTimeline(story.events, story.basedOn.date, width);
const utc = (iso: string) => Date.parse(`${iso}T00:00:00.000Z`);
/** Where an instant sits on an axis, computed here rather than trusted from d3. */
const xOn = (axis: Axis, t: number) => ((t - axis.domain[0]) / (axis.domain[1] - axis.domain[0])) * width;

function item(axis: Axis | undefined, id: string): Item {
  const found = axis?.items.find((i) => i.id === id);
  if (!found) throw new Error(`no item "${id}" on this axis`);
  return found;
}

describe('the MSS Haiti timeline', () => {
  it('spans whole years, 2021 to the end of 2026', () => {
    expect(layout.overview.domain).toEqual([utc('2021-01-01'), utc('2027-01-01')]);
  });

  it('draws the election deadline as a future target', () => {
    const target = item(layout.overview, 'election-target');
    expect(target).toMatchObject({ shape: 'target', future: true });
    expect(target.x0).toBeCloseTo(xOn(layout.overview, utc('2026-02-01')), 6);
    expect(target.x1).toBe(target.x0);
  });

  it('draws the gangs as ongoing since 2021, up to the day of the report', () => {
    const gangs = item(layout.overview, 'gang-violence');
    expect(gangs).toMatchObject({ shape: 'since', future: false, x0: 0 });
    expect(gangs.x1).toBeCloseTo(xOn(layout.overview, utc('2025-04-04')), 6);
    expect(Math.abs(gangs.x1 - layout.overview.publishedX)).toBeLessThan(1);
  });

  it('marks the report’s date on both axes', () => {
    expect(layout.overview.publishedX).toBeCloseTo(xOn(layout.overview, utc('2025-04-04')), 6);
    expect(layout.detail?.publishedX).toBeCloseTo(xOn(layout.detail as Axis, utc('2025-04-04')), 6);
  });

  it('gives "last week" a close-up where it is a range of days', () => {
    const missing = item(layout.detail, 'officer-missing');
    expect(missing.shape).toBe('span');
    expect(missing.x1 - missing.x0).toBeGreaterThan(6);
    expect(missing.x0).toBeCloseTo(xOn(layout.detail as Axis, utc('2025-03-24')), 6);
    expect(missing.x1).toBeCloseTo(xOn(layout.detail as Axis, utc('2025-03-31')), 6);
    expect(layout.overview.items.map((i) => i.id)).not.toContain('officer-missing');
  });

  it('keeps "this week" (a range running past the report) on the close-up as a range', () => {
    const delegation = item(layout.detail, 'delegation');
    expect(delegation.shape).toBe('span');
    expect(delegation.x1).toBeGreaterThan(layout.detail?.publishedX ?? Infinity);
  });

  it('shows every event exactly once', () => {
    const ids = [...layout.overview.items, ...(layout.detail?.items ?? [])].map((i) => i.id).sort();
    expect(ids).toEqual(story.events.map((e) => e.id).sort());
  });

  it('marks where the close-up sits on the overview', () => {
    const window = layout.detail?.window;
    expect(window?.x0).toBeLessThan(layout.overview.publishedX);
    expect(window?.x1).toBeGreaterThan(layout.overview.publishedX);
  });

  it.each([
    { name: 'overview', axis: layout.overview },
    { name: 'close-up', axis: layout.detail as Axis },
  ])('never overlaps two items in one lane on the $name', ({ axis }) => {
    // A point is drawn 6 px wide, so it occupies 3 px either side of its x.
    const extent = (i: Item) => [i.x0 - 3, Math.max(i.x1, i.x0 + 3)] as const;
    for (const a of axis.items)
      for (const b of axis.items) {
        if (a === b || a.lane !== b.lane) continue;
        const [a0, a1] = extent(a);
        const [b0, b1] = extent(b);
        expect(a1 <= b0 || b1 <= a0, `${a.id} and ${b.id} overlap`).toBe(true);
      }
    expect(axis.lanes).toBe(Math.max(...axis.items.map((i) => i.lane)) + 1);
  });
});

describe('layoutTimeline without a cluster of short events', () => {
  it('has only the overview', () => {
    const date = (s: string | number) => parseCalendarDate(s) as Exclude<ReturnType<typeof parseCalendarDate>, string>;
    const events: { id: string; when: When }[] = [
      { id: 'a', when: { kind: 'date', date: date('2024-06') } },
      { id: 'b', when: { kind: 'date', date: date('2025-04-01') } },
    ];
    const result = layoutTimeline(events, date('2025-04-03'), width);
    expect(result.detail).toBeUndefined();
    expect(result.overview.items.map((i) => i.id)).toEqual(['a', 'b']);
  });
});

describe('packLanes', () => {
  it.each([
    { name: 'nothing', spans: [], expected: [] },
    { name: 'one span', spans: [{ x0: 10, x1: 50 }], expected: [0] },
    {
      name: 'spans far apart share a lane',
      spans: [
        { x0: 0, x1: 50 },
        { x0: 100, x1: 150 },
      ],
      expected: [0, 0],
    },
    {
      name: 'overlapping spans take separate lanes',
      spans: [
        { x0: 0, x1: 100 },
        { x0: 50, x1: 150 },
        { x0: 60, x1: 70 },
      ],
      expected: [0, 1, 2],
    },
    {
      name: 'a span too close to the previous one moves down',
      spans: [
        { x0: 0, x1: 50 },
        { x0: 53, x1: 80 },
      ],
      expected: [0, 1],
    },
    {
      name: 'a freed lane is reused',
      spans: [
        { x0: 0, x1: 100 },
        { x0: 10, x1: 20 },
        { x0: 40, x1: 60 },
      ],
      expected: [0, 1, 1],
    },
    {
      name: 'input order does not matter',
      spans: [
        { x0: 100, x1: 150 },
        { x0: 0, x1: 120 },
      ],
      expected: [1, 0],
    },
    {
      name: 'two points at one x',
      spans: [
        { x0: 30, x1: 30 },
        { x0: 30, x1: 30 },
      ],
      expected: [0, 1],
    },
  ])('$name', ({ spans, expected }) => {
    expect(packLanes(spans)).toEqual(expected);
  });
});

describe('layoutTimeline with many events', () => {
  const date = (s: string) => parseCalendarDate(s) as Exclude<ReturnType<typeof parseCalendarDate>, string>;
  /** 150 events of every kind: years, months, days near the report, ranges, "since" and targets. */
  const events = manyEvents(150);

  it.each([300, 1000])('places each of 150 events once, none overlapping in a lane, at %i px', (w) => {
    const result = layoutTimeline(events, date('2025-04-03'), w);
    const axes = [result.overview, result.detail].filter((a): a is Axis => a !== undefined);
    expect(result.detail, 'the March 2025 days get a close-up').toBeDefined();
    const ids = axes.flatMap((a) => a.items.map((i) => i.id)).sort();
    expect(ids).toEqual(events.map((e) => e.id).sort());
    for (const axis of axes) {
      for (const a of axis.items) {
        expect(a.x0).toBeGreaterThanOrEqual(0);
        expect(a.x1).toBeLessThanOrEqual(w);
        for (const b of axis.items)
          if (a !== b && a.lane === b.lane) expect(a.hit1 <= b.hit0 || b.hit1 <= a.hit0, `${a.id}, ${b.id}`).toBe(true);
      }
      expect(axis.lanes).toBe(Math.max(...axis.items.map((i) => i.lane)) + 1);
      const labels = axis.ticks.map((t) => t.label);
      expect(labels.filter((l, i) => l === labels[i - 1])).toEqual([]);
    }
  });
});
