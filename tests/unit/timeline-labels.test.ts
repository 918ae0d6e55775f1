/**
 * Nothing on the timeline touches anything else, at any width from 300 to 1400 px, for the two
 * fixture stories and a story of 150 events, on every step: not two marks in a lane, not a name
 * and a mark, not two names, not two tick labels, not the active events' name and "report". And
 * the step's events are always named, on whichever axis is drawn.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildStory } from '../../src/build/stories.ts';
import { layoutTimeline, type Axis } from '../../src/lib/timeline/layout.ts';
import { axisNames, markExtent, rugTeeth, timelineNames, type AxisNames } from '../../src/lib/timeline/naming.ts';
import { estimate, flagLabels, laneLabels, MIN_LABEL, type Box } from '../../src/lib/timeline/labels.ts';
import { plannedEvents } from '../../src/lib/timeline/planned.ts';
import { parseCalendarDate, type CalendarDate } from '../../src/lib/story/dates.ts';
import { manyEvents } from './timeline-events.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => buildStory(`${root}tests/fixtures/site/${name}.yaml`, root).story;
const haiti = fixture('mss-haiti');
const pacific = fixture('pacific-relief');
const many = manyEvents(150).map((e, i) => ({ ...e, title: `Event number ${i} of the long chronicle` }));

const STORIES = [
  {
    name: 'Haiti',
    events: haiti.events,
    published: haiti.basedOn.date,
    steps: haiti.steps.map((s) => s.events),
    planned: plannedEvents(haiti),
  },
  {
    name: 'Pacific (150 events)',
    events: pacific.events,
    published: pacific.basedOn.date,
    steps: pacific.steps.map((s) => s.events),
    planned: plannedEvents(pacific),
  },
  {
    name: '150 events of every kind',
    events: many,
    published: parseCalendarDate('2025-04-03') as CalendarDate,
    // Steps of four neighbours, and one of events far apart.
    steps: [
      ...Array.from({ length: 37 }, (_, i) => many.slice(4 * i, 4 * i + 4).map((e) => e.id)),
      ['e0', 'e75', 'e149'],
    ],
    planned: new Set<string>(),
  },
];
const WIDTHS = Array.from({ length: 23 }, (_, i) => 300 + 50 * i);
const measure = estimate(12);
const apart = (a: Box, b: Box, gap = 0) => a.x1 + gap <= b.x0 + 1e-6 || b.x1 + gap <= a.x0 + 1e-6;
const inside = (b: Box, width: number) => b.x0 >= -1e-6 && b.x1 <= width + 1e-6;

/** Everything on an axis that touches something else, in words: none, if all is well. */
function clashes(axis: Axis, names: AxisNames): string[] {
  const w = axis.width;
  const out: string[] = [];
  const check = (ok: boolean, what: string) => ok || out.push(what);
  // Tick labels: inside the axis, apart.
  axis.ticks.forEach((t, i) => {
    check(inside(t, w), `tick "${t.label}" outside`);
    const next = axis.ticks[i + 1];
    if (next) check(apart(t, next, 1), `ticks "${t.label}" and "${next.label}"`);
  });
  // Above the axis: the active events' names and "report", inside and apart.
  const above = [...names.flags, ...(names.report ? [names.report] : [])].sort((a, b) => a.x0 - b.x0);
  above.forEach((b, i) => {
    check(inside(b, w), `"${b.text}" outside`);
    const next = above[i + 1];
    if (next) check(apart(b, next), `"${b.text}" and "${next.text}"`);
  });
  // In each lane: marks (clusters included) and names, all apart.
  const lanes = new Map<number, (Box & { what: string })[]>();
  const add = (lane: number, b: Box & { what: string }) => (lanes.get(lane) ?? lanes.set(lane, []).get(lane))?.push(b);
  for (const i of axis.items)
    if (i.cluster === undefined) add(i.lane, { ...markExtent(axis, i), what: `mark ${i.id}` });
  axis.clusters.forEach((c, k) => {
    add(c.lane, { ...c, what: `cluster ${k}` });
    // Its rug: 1 px teeth on whole pixels inside it, one to a pixel, so no two touch.
    const xs = rugTeeth(axis, c, new Set()).map(([x]) => x);
    check(new Set(xs).size === xs.length && xs.every((x) => x >= 0 && x + 1 <= Math.max(1, c.x1 - c.x0)), `rug ${k}`);
  });
  for (const n of names.names) {
    check(inside(n, w), `name of ${n.id} outside`);
    check(n.x0 > axis.publishedX || n.x1 < axis.publishedX, `name of ${n.id} crosses the report's line`);
    add(n.lane, { ...n, what: `name of ${n.id}` });
  }
  for (const row of lanes.values()) {
    // Sorted by left edge, each box only needs checking against those that start before it ends.
    row.sort((a, b) => a.x0 - b.x0);
    row.forEach((a, i) => {
      for (let j = i + 1; j < row.length && (row[j] as Box).x0 < a.x1; j++)
        check(apart(a, row[j] as Box), `${a.what} and ${row[j]?.what}`);
    });
  }
  return out;
}

describe.each(STORIES)('the $name timeline', ({ events, published, steps, planned }) => {
  const title = (id: string) => (events.find((e) => e.id === id) as { title?: string } | undefined)?.title ?? id;
  it.each(WIDTHS.flatMap((width) => [390, 900].map((column) => ({ width, column }))))(
    'has nothing touching at $width px wide, in a $column px column, on every step',
    ({ width, column }) => {
      for (const closeUp of [true, false]) {
        const layout = layoutTimeline(events, published, width, { columnHeight: column, closeUp, planned });
        for (const step of steps) {
          const names = timelineNames(layout, new Set(step), title, measure, 14);
          const drawn = [
            { axis: layout.overview, names: names.overview },
            { axis: layout.detail, names: names.detail },
          ].filter((d): d is { axis: Axis; names: AxisNames } => !!d.axis && !!d.names);
          expect(drawn.length, 'an axis is drawn').toBeGreaterThan(0);
          expect(drawn.flatMap(({ axis, names }) => clashes(axis, names))).toEqual([]);
          // The step's events are named: the leftmost by name, the rest by name or by count.
          const flags = drawn.flatMap((d) => d.names.flags.map((f) => f.text)).join(' | ');
          const named = step.filter((id) => flags.includes(title(id)));
          expect(named.length, `step of ${step.join(', ')}: "${flags}"`).toBeGreaterThan(0);
          const more = [...flags.matchAll(/and (\d+) more/g)].reduce((n, m) => n + Number(m[1]), 0);
          expect(named.length + more).toBe(new Set(step).size);
        }
      }
    },
  );
});

describe('the names before the page’s font is settled', () => {
  it('are none, on the same axes as once it is', () => {
    const layout = layoutTimeline(haiti.events, haiti.basedOn.date, 700, { columnHeight: 900, closeUp: true });
    const step = new Set([haiti.events[0]?.id ?? '']);
    const later = timelineNames(layout, step, (id) => id, measure, 14);
    const waiting = timelineNames(layout, step, (id) => id, undefined, 14);
    expect(Object.keys(waiting).filter((k) => waiting[k as keyof typeof waiting])).toEqual(
      Object.keys(later).filter((k) => later[k as keyof typeof later]),
    );
    expect(later.overview?.flags.length).toBeGreaterThan(0);
    for (const names of [waiting.overview, waiting.detail]) {
      expect(names?.flags ?? []).toEqual([]);
      expect(names?.names ?? []).toEqual([]);
      expect(names?.report).toBeUndefined();
    }
  });
});

describe('the close-up’s window on the overview', () => {
  it.each([300, 700, 1400])('spans the close-up’s dates, report included, at %i px', (width) => {
    const layout = layoutTimeline(haiti.events, haiti.basedOn.date, width);
    const detail = layout.detail as NonNullable<typeof layout.detail>;
    const [t0, t1] = layout.overview.domain;
    const onOverview = (t: number) => ((t - t0) / (t1 - t0)) * width;
    expect(detail.window.x0).toBeCloseTo(onOverview(detail.domain[0]), 6);
    expect(detail.window.x1).toBeCloseTo(onOverview(detail.domain[1]), 6);
    expect(detail.window.x0).toBeLessThan(layout.overview.publishedX);
    expect(detail.window.x1).toBeGreaterThan(layout.overview.publishedX);
  });

  it('names the folded close-up’s active events over its window', () => {
    const layout = layoutTimeline(haiti.events, haiti.basedOn.date, 358, { columnHeight: 844, closeUp: false });
    expect(layout.shown).toEqual({ overview: true, detail: false });
    const window = layout.detail?.window as Box;
    const title = (id: string) => haiti.events.find((e) => e.id === id)?.title ?? id;
    const names = axisNames(layout.overview, new Set(['evacuation']), title, measure, 14, {
      ids: ['evacuation'],
      over: window,
    });
    expect(names.flags.map((f) => f.text)).toEqual(['The wounded are evacuated to the Dominican Republic']);
    const flag = names.flags[0] as Box;
    // Centred over the window, unless the axis's edge pushes it in.
    expect(flag.x0 <= window.x0 && window.x1 <= flag.x1).toBe(true);
  });
});

describe('names beside marks', () => {
  const m = (id: string, x0: number, x1: number, lane = 0, quiet = false) => ({
    id,
    x0,
    x1,
    lane,
    quiet,
    text: 'A name of some length',
  });
  const want = measure('A name of some length');
  it.each([
    { name: 'room after', marks: [m('a', 10, 20)], walls: [], expected: [{ id: 'a', x0: 23, x1: 23 + want }] },
    {
      name: 'room only before',
      marks: [m('a', 380, 390)],
      walls: [],
      expected: [{ id: 'a', x0: 377 - want, x1: 377 }],
    },
    { name: 'quiet marks have none', marks: [m('a', 10, 20, 0, true)], walls: [], expected: [] },
    {
      name: 'too little room either side',
      marks: [m('b', 50, 60), m('c', 70, 80)],
      walls: [],
      expected: [{ id: 'c', x0: 83, x1: 83 + want }],
    },
    {
      name: 'cut short at a wall, if a word still fits',
      marks: [m('a', 10, 20)],
      walls: [20 + 3 + MIN_LABEL + 4],
      expected: [{ id: 'a', x0: 23, x1: 23 + MIN_LABEL + 2 }],
    },
    {
      name: 'none where a wall leaves no word',
      marks: [m('a', 10, 20), m('b', 380, 390, 1, true)],
      walls: [40],
      expected: [],
    },
  ])('$name', ({ marks, walls, expected }) => {
    expect(laneLabels(marks, 400, measure, walls).map(({ id, x0, x1 }) => ({ id, x0, x1 }))).toEqual(expected);
  });

  it.each([
    { name: 'each over its own mark', width: 1000, expected: ['Alpha', 'Beta', 'Gamma'] },
    { name: 'all together, where they touch', width: 300, expected: ['Alpha · Beta · Gamma'] },
    { name: 'and how many more, where all do not fit', width: 110, expected: ['Alpha and 2 more'] },
  ])('names the active events: $name', ({ width, expected }) => {
    const at = (x: number) => ({ x0: x, x1: x + 10 });
    const flags = [
      { text: 'Alpha', box: at(0.1 * width) },
      { text: 'Beta', box: at(0.5 * width) },
      { text: 'Gamma', box: at(0.6 * width) },
    ];
    expect(flagLabels(flags, width, measure).map((f) => f.text)).toEqual(expected);
  });
});
