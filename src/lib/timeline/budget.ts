/**
 * The timeline's height budget: at most SHARE of the map column, whatever the number of events.
 * Row heights follow the text size (so text enlarged to 200% still fits its row); what is left
 * goes to the lanes, shared between the axes by how many lanes each needs.
 */
import { HIT, MIN_LANE } from './lanes.ts';

/** The share of the map column's height the timeline may take. */
export const SHARE = 0.2;

export interface Rows {
  /** Padding above and below, and the bottom rule. */
  pad: number;
  /** The line naming the step, with the close-up's toggle. */
  header: number;
  /** Above each axis: the active events' names, and "report". */
  flags: number;
  /** Below each axis: the axis line and the tick labels. */
  ticks: number;
  /** Between the overview and the close-up: the lines tying the close-up to its window. */
  connector: number;
  /** The font size of labels and ticks, in px. */
  small: number;
}

export function rows(rem = 16): Rows {
  const small = 0.75 * rem;
  return {
    pad: 5,
    header: Math.max(HIT, Math.ceil(1.25 * 0.85 * rem)),
    flags: Math.ceil(1.15 * small),
    // The axis line, 3 px of tick marks, then the labels.
    ticks: Math.ceil(1.2 * small) + 4,
    connector: 8,
    small,
  };
}

export interface Plan {
  /** Which axes are shown. The close-up replaces the overview when both do not fit. */
  overview: boolean;
  detail: boolean;
  /** The height of each shown axis's lanes, in px. */
  areas: { overview: number; detail: number };
}

/** Lanes each axis needs, full (24 px targets) and thin (marks only). */
export interface Needs {
  full: number;
  thin: number;
}

/**
 * Which axes to show and how high their lanes may be, in a timeline at most `max` px high.
 * `detail` is absent when the story has no close-up; `closeUp` is the reader's choice.
 */
export function plan(max: number, r: Rows, overview: Needs, detail: Needs | undefined, closeUp: boolean): Plan {
  const fixed = r.pad + r.header;
  const axis = r.flags + r.ticks;
  const both = max - fixed - 2 * axis - r.connector;
  if (!detail || !closeUp) return single(true, false, Math.max(MIN_LANE, max - fixed - axis));
  // Both axes need room for a lane each; on a short screen the close-up takes the overview's place.
  if (both < HIT) return single(false, true, Math.max(MIN_LANE, max - fixed - axis));
  if ((overview.full + detail.full) * HIT <= both)
    return { overview: true, detail: true, areas: { overview: overview.full * HIT, detail: detail.full * HIT } };
  // Shared by the thin lanes each needs, but never more than an axis can use.
  const cap = (n: Needs) => Math.max(n.thin * HIT, MIN_LANE);
  let o = Math.max(MIN_LANE, Math.floor((both * overview.thin) / (overview.thin + detail.thin)));
  o = Math.min(o, cap(overview), both - MIN_LANE);
  const d = Math.min(both - o, cap(detail));
  o = Math.min(both - d, cap(overview));
  return { overview: true, detail: true, areas: { overview: o, detail: d } };
}

function single(overview: boolean, detail: boolean, area: number): Plan {
  return { overview, detail, areas: { overview: overview ? area : 0, detail: detail ? area : 0 } };
}

/** The timeline's height for a plan whose axes use `used` px of lanes each. */
export function heightOf(r: Rows, shown: { overview: boolean; detail: boolean }, used: number[]): number {
  const axes = Number(shown.overview) + Number(shown.detail);
  return (
    r.pad + r.header + axes * (r.flags + r.ticks) + (axes === 2 ? r.connector : 0) + used.reduce((a, b) => a + b, 0)
  );
}
