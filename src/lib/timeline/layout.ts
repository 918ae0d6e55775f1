/**
 * Lays out a story's events on time axes (d3-scale). Years-long events sit on an overview axis;
 * the cluster of short events just before the source's date gets a close-up axis of its own, so
 * "last week" is drawn as the range of days it is rather than a one-pixel dot.
 */
import { scaleTime } from 'd3-scale';
import { utcFormat } from 'd3-time-format';
import { utcYear } from 'd3-time';
import { interval, isFuture, type When } from '../story/when.ts';
import { endOf, type CalendarDate } from '../story/dates.ts';

export type Shape = 'span' | 'point' | 'since' | 'target';

export interface Item {
  id: string;
  /** Left and right edge in px; a point has x0 === x1. */
  x0: number;
  x1: number;
  /** The clickable extent: at least HIT px wide around the item (WCAG 2.2 target size). */
  hit0: number;
  hit1: number;
  lane: number;
  shape: Shape;
  future: boolean;
}

export interface Axis {
  domain: [number, number];
  ticks: { x: number; label: string }[];
  items: Item[];
  lanes: number;
  /** The end of the day the source was published, in px: the line between known and future. */
  publishedX: number;
}

export interface TimelineLayout {
  overview: Axis;
  /** Absent when the story has no cluster of short events. */
  detail?: Axis & { window: { x0: number; x1: number } };
}

const DAY = 86_400_000;
/** Events this short, ending this close before the source's date, go on the close-up axis. */
const SHORT = 45 * DAY;
const RECENT = 75 * DAY;
/** Narrower than this, a span is drawn as a point (its true extent is still in its label). */
const MIN_SPAN = 6;
const GAP = 4;
/** Smallest clickable width and lane height, in px: WCAG 2.2's 24 px target size. */
export const HIT = 24;

/** The clickable extent of an item: its own, widened to HIT px around its centre. */
export function hitExtent(s: { x0: number; x1: number }): [number, number] {
  const centre = (s.x0 + s.x1) / 2;
  return [Math.min(s.x0, centre - HIT / 2), Math.max(s.x1, centre + HIT / 2)];
}

function shapeOf(when: When, x0: number, x1: number): Shape {
  if (when.kind === 'by') return 'target';
  if (when.kind === 'since') return 'since';
  return x1 - x0 >= MIN_SPAN ? 'span' : 'point';
}

/**
 * Greedy lane packing: each item takes the first lane whose last item ends before it starts.
 * Items are packed by their clickable extent, so no two targets overlap.
 */
export function packLanes(spans: readonly { x0: number; x1: number }[], gap = GAP): number[] {
  const ends: number[] = [];
  const order = spans.map((s, i) => i).sort((a, b) => (spans[a]?.x0 ?? 0) - (spans[b]?.x0 ?? 0));
  const lanes = new Array<number>(spans.length).fill(0);
  for (const i of order) {
    const [left, right] = hitExtent(spans[i] as { x0: number; x1: number });
    let lane = ends.findIndex((end) => end + gap <= left);
    if (lane === -1) lane = ends.push(0) - 1;
    ends[lane] = right;
    lanes[i] = lane;
  }
  return lanes;
}

function axis(
  events: readonly { id: string; when: When }[],
  published: CalendarDate,
  domain: [number, number],
  width: number,
  format: (d: Date) => string,
  tickCount: number,
): Axis {
  const x = scaleTime().domain(domain).range([0, width]).clamp(true);
  const spans = events.map((e) => {
    const { start, end } = interval(e.when, published);
    const x0 = x(start);
    const x1 = e.when.kind === 'by' ? x0 : x(end);
    return { id: e.id, x0, x1, shape: shapeOf(e.when, x0, x1), future: isFuture(e.when, published) };
  });
  const lanes = packLanes(spans);
  const ticks = x.ticks(tickCount).map((d) => ({ x: x(d), label: format(d) }));
  return {
    domain,
    ticks,
    items: spans.map((s, i) => {
      const [hit0, hit1] = hitExtent(s);
      return { ...s, hit0, hit1, lane: lanes[i] ?? 0 };
    }),
    lanes: Math.max(1, ...lanes.map((l) => l + 1)),
    // The end of the report's day: all of that day is known to the source.
    publishedX: x(endOf(published)),
  };
}

export function layoutTimeline(
  events: readonly { id: string; when: When }[],
  published: CalendarDate,
  width: number,
): TimelineLayout {
  const pub = +endOf(published);
  // Only day-precise events need the close-up; a month is already visible on the overview.
  const isDetail = (e: { when: When }) => {
    if (e.when.kind === 'since' || e.when.kind === 'by') return false;
    if (e.when.kind === 'date' && e.when.date.precision !== 'day') return false;
    if (e.when.kind === 'range' && (e.when.from.precision !== 'day' || e.when.to.precision !== 'day')) return false;
    const { start, end } = interval(e.when, published);
    // "This week" may run past the report's date; it still belongs with the days around it.
    return end - start <= SHORT && start < pub && pub - end <= RECENT;
  };
  const close = events.filter(isDetail);
  const hasDetail = close.length >= 2;
  const far = hasDetail ? events.filter((e) => !isDetail(e)) : events;
  const intervals = events.map((e) => interval(e.when, published));
  const first = utcYear.floor(new Date(Math.min(...intervals.map((i) => i.start))));
  const last = utcYear.ceil(new Date(Math.max(pub, ...intervals.map((i) => i.end))));
  const overview = axis(far, published, [+first, +last], width, utcFormat('%Y'), Math.min(10, width / 50));
  if (!hasDetail) return { overview };
  const closeIntervals = close.map((e) => interval(e.when, published));
  const domain: [number, number] = [
    Math.min(...closeIntervals.map((i) => i.start)) - 2 * DAY,
    Math.max(pub, ...closeIntervals.map((i) => i.end)) + 2 * DAY,
  ];
  const detail = axis(close, published, domain, width, utcFormat('%-d %b'), Math.max(2, Math.floor(width / 90)));
  const x = scaleTime().domain(overview.domain).range([0, width]);
  return { overview, detail: { ...detail, window: { x0: x(domain[0]), x1: x(domain[1]) } } };
}
