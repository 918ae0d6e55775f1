/**
 * Lays out a story's events on time axes (`timeToPx`) in a fixed height. Years-long events sit on an
 * overview axis; the run of short events just before the source's date gets a close-up axis of
 * its own (`closeUp.ts`), so "last week" is drawn as the range of days it is rather than a dot.
 * However many events there are, the whole fits the budget of `budget.ts` (`lanes.ts` packs them).
 */
import { utcYear } from 'd3-time';
import { interval, isFuture, type When } from '../story/when.ts';
import { endOf, type CalendarDate } from '../story/dates.ts';
import { closeUpEvents } from './closeUp.ts';
import { fitLanes, laneNeeds, MARK, type Cluster, type Tier } from './lanes.ts';
import { heightOf, plan, rows, SHARE, type Rows } from './budget.ts';
import { estimate, fitTicks, type Label, type Measure } from './labels.ts';
import type { Tick } from './ticks.ts';

/**
 * A time (ms since 1970, UTC like the story's dates) to px along an axis `width` wide, clamped to
 * it; a one-instant domain maps to the middle. All the axis asks of a scale: d3's scaleUtc did
 * the same but brought its date formats and colour interpolation (27 kB) to the page with it.
 */
export function timeToPx([t0, t1]: [number, number], width: number): (t: number) => number {
  if (t1 === t0) return () => width / 2;
  return (t) => Math.min(width, Math.max(0, ((t - t0) / (t1 - t0)) * width));
}

export { packLanes, hitExtent, HIT } from './lanes.ts';

export type Shape = 'span' | 'point' | 'since' | 'target';

export interface Item {
  id: string;
  /** Left and right edge in px; a point has x0 === x1. */
  x0: number;
  x1: number;
  /** The button's extent: a 24 px target in full lanes, the mark in thin ones, a slice in a cluster. */
  hit0: number;
  hit1: number;
  lane: number;
  shape: Shape;
  /** Not yet happened when the source was published (a target, or starting after it), or planned. */
  future: boolean;
  /** Where the part after the source's date begins (x1 if none): drawn dashed from there on. */
  laterX: number;
  /** The cluster this item is merged into, in the dense tier. */
  cluster?: number;
}

export interface Axis {
  domain: [number, number];
  width: number;
  /** Each tick's instant (`at`, ms), place (px) and label's box; labels never touch. */
  ticks: (Tick & Label & { x: number })[];
  items: Item[];
  tier: Tier;
  lanes: number;
  laneHeight: number;
  clusters: Cluster[];
  /** The end of the day the source was published, in px: the line between known and future. */
  publishedX: number;
}

export interface TimelineLayout {
  overview: Axis;
  /** Absent when the story has no run of short events; `window` is where it sits on the overview. */
  detail?: Axis & { window: { x0: number; x1: number } };
  /** Which axes are drawn: the close-up only when opened, and alone when both do not fit. */
  shown: { overview: boolean; detail: boolean };
  rows: Rows;
  /** The whole timeline's height in px: at most SHARE of the column, or its smallest form. */
  height: number;
}

export interface LayoutOptions {
  /** The map column's height in px; the timeline takes at most SHARE of it. */
  columnHeight?: number;
  /** The reader's choice: the close-up open (true) or folded. */
  closeUp?: boolean;
  /** px per rem: rows grow with the text. */
  rem?: number;
  measure?: Measure;
  /** Events drawn as planned (dashed), as their routes are on the map. */
  planned?: ReadonlySet<string>;
  /** Short month names for the ticks, in the story's language (English when left out). */
  months?: readonly string[];
}

/** Narrower than this, a span is drawn as a point (its true extent is still in its label). */
const MIN_SPAN = 6;
const DAY = 86_400_000;

function shapeOf(when: When, x0: number, x1: number): Shape {
  if (when.kind === 'by') return 'target';
  if (when.kind === 'since') return 'since';
  return x1 - x0 >= MIN_SPAN ? 'span' : 'point';
}

/** A dot or a diamond is drawn whole whatever its extent; a bar is as long as its span. */
const laneItem = (s: { x0: number; x1: number; shape: Shape }) => ({
  x0: s.x0,
  x1: s.x1,
  point: s.shape === 'point' || s.shape === 'target',
});

type Events = readonly { id: string; when: When }[];

/** Items on an axis before they have lanes. */
function place(
  events: Events,
  published: CalendarDate,
  domain: [number, number],
  width: number,
  planned: ReadonlySet<string>,
) {
  const x = timeToPx(domain, width);
  const pubX = x(+endOf(published));
  const spans = events.map((e) => {
    const { start, end } = interval(e.when, published);
    const x0 = x(start);
    const x1 = e.when.kind === 'by' ? x0 : x(end);
    const shape = shapeOf(e.when, x0, x1);
    const future = isFuture(e.when, published) || planned.has(e.id);
    return { id: e.id, x0, x1, shape, future };
  });
  return { x, pubX, spans };
}

function axis(
  placed: ReturnType<typeof place>,
  domain: [number, number],
  width: number,
  area: number,
  measure: Measure,
  tickCount: number,
  months?: readonly string[],
): Axis {
  const fit = fitLanes(placed.spans.map(laneItem), area);
  const bar = fit.tier === 'full' ? MARK.full.bar : MARK.thin.bar;
  const items = placed.spans.map((s, i) => {
    const p = fit.placed[i] ?? { lane: 0, hit0: s.x0, hit1: s.x1 };
    const later = s.future ? s.x0 : s.shape === 'span' && s.x1 > placed.pubX ? placed.pubX : s.x1;
    // A span shorter than its bar's least length keeps its start; its drawn end is the bar's.
    const x1 = s.shape === 'span' || s.shape === 'since' ? Math.max(s.x1, s.x0 + bar) : s.x1;
    return { ...s, x1, lane: p.lane, hit0: p.hit0, hit1: p.hit1, laterX: later, cluster: p.cluster };
  });
  const ticks = fitTicks(domain, width, (t) => placed.x(t), measure, tickCount, months);
  const { tier, lanes, laneHeight, clusters } = fit;
  return { domain, width, ticks, items, tier, lanes, laneHeight, clusters, publishedX: placed.pubX };
}

export function layoutTimeline(
  events: Events,
  published: CalendarDate,
  width: number,
  options: LayoutOptions = {},
): TimelineLayout {
  const r = rows(options.rem);
  const measure = options.measure ?? estimate(r.small);
  const planned = options.planned ?? new Set<string>();
  const pub = +endOf(published);
  const closeIds = closeUpEvents(events, published);
  const close = events.filter((e) => closeIds.has(e.id));
  const far = events.filter((e) => !closeIds.has(e.id));
  const span = (list: Events) => list.map((e) => interval(e.when, published));
  const closeDomain = (): [number, number] => {
    const all = span(close);
    return [Math.min(...all.map((i) => i.start)) - 2 * DAY, Math.max(pub, ...all.map((i) => i.end)) + 2 * DAY];
  };
  // When every event is in the run of days, the close-up is the only axis the story needs.
  const overviewDomain = (): [number, number] => {
    if (far.length === 0) return closeDomain();
    const all = span(events);
    const first = utcYear.floor(new Date(Math.min(...all.map((i) => i.start))));
    return [+first, +utcYear.ceil(new Date(Math.max(pub, ...all.map((i) => i.end))))];
  };
  const hasDetail = close.length > 0 && far.length > 0;
  const oDomain = overviewDomain();
  const o = place(hasDetail ? far : events, published, oDomain, width, planned);
  const dDomain = hasDetail ? closeDomain() : undefined;
  const d = dDomain && place(close, published, dDomain, width, planned);
  const columnHeight = options.columnHeight ?? Infinity;
  const p = plan(
    SHARE * columnHeight,
    r,
    laneNeeds(o.spans.map(laneItem)),
    d && laneNeeds(d.spans.map(laneItem)),
    options.closeUp ?? true,
  );
  // An axis not drawn is laid out all the same (its items keep their places), in full lanes.
  const area = (shown: boolean, a: number) => (shown && Number.isFinite(a) ? a : Infinity);
  const overview = axis(
    o,
    oDomain,
    width,
    area(p.overview, p.areas.overview),
    measure,
    Math.min(10, width / 50),
    options.months,
  );
  const detailAxis =
    d &&
    dDomain &&
    axis(d, dDomain, width, area(p.detail, p.areas.detail), measure, Math.max(2, width / 90), options.months);
  const shown = { overview: p.overview, detail: p.detail && !!detailAxis };
  const used = [shown.overview ? overview : undefined, shown.detail ? detailAxis : undefined].map((a) =>
    a ? a.lanes * a.laneHeight : 0,
  );
  const result: TimelineLayout = { overview, shown, rows: r, height: heightOf(r, shown, used) };
  if (!detailAxis || !dDomain) return result;
  const window = { x0: o.x(dDomain[0]), x1: o.x(dDomain[1]) };
  return { ...result, detail: { ...detailAxis, window } };
}
