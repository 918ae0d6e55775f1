/**
 * The names on one axis for the active step: the step's events named above the axis (always),
 * "report" by its line where the flags leave room, and other events beside their marks where
 * their lane has room for a name (lanes too thin for a line of text get none).
 */
import type { Axis, TimelineLayout } from './layout.ts';
import { MARK } from './lanes.ts';
import { flagLabels, laneLabels, reportLabel, type Label, type Mark, type Measure } from './labels.ts';

export interface AxisNames {
  /** The active events' names: one over each, or one for all where they do not fit apart. */
  flags: Label[];
  report?: Label;
  names: (Label & { id: string; lane: number })[];
}

/** The drawn extent of an item's mark: a dot or diamond around its place, or its bar. */
export function markExtent(axis: Axis, item: Axis['items'][number]): { x0: number; x1: number } {
  if (item.shape === 'span' || item.shape === 'since') return { x0: item.x0, x1: item.x1 };
  const r = (axis.tier === 'full' ? MARK.full.dot : MARK.thin.dot) / 2;
  return { x0: item.x0 - r, x1: item.x0 + r };
}

/**
 * A cluster drawn as a rug: a 1 px tooth at each whole pixel (from the cluster's left edge) where
 * one of its events starts, events on one pixel sharing it, marked `true` where an active one does.
 */
export function rugTeeth(
  axis: Axis,
  cluster: Axis['clusters'][number],
  active: ReadonlySet<string>,
): [number, boolean][] {
  const teeth = new Map<number, boolean>();
  const last = Math.max(0, Math.floor(cluster.x1 - cluster.x0) - 1);
  for (const i of cluster.members) {
    const item = axis.items[i];
    if (!item) continue;
    const x = Math.min(Math.max(0, Math.round(item.x0 - cluster.x0)), last);
    teeth.set(x, (teeth.get(x) ?? false) || active.has(item.id));
  }
  return [...teeth].sort((a, b) => a[0] - b[0]);
}

/**
 * `elsewhere`: the active events on an axis not drawn (the folded close-up), named here too,
 * over where that axis sits (its window on the overview), so the step's events are always named.
 */
export function axisNames(
  axis: Axis,
  active: ReadonlySet<string>,
  text: (id: string) => string,
  measure: Measure,
  lineHeight: number,
  elsewhere?: { ids: string[]; over: { x0: number; x1: number } },
  reportWord = 'report',
): AxisNames {
  const on = axis.items.filter((i) => active.has(i.id)).sort((a, b) => a.x0 - b.x0);
  const flags = flagLabels(
    [
      ...on.map((i) => ({ text: text(i.id), box: markExtent(axis, i) })),
      ...(elsewhere?.ids ?? []).map((id) => ({ text: text(id), box: elsewhere?.over ?? { x0: 0, x1: 0 } })),
    ],
    axis.width,
    measure,
  );
  const report = reportLabel(axis.publishedX, flags, axis.width, measure, reportWord);
  if (axis.laneHeight < lineHeight) return { flags, report, names: [] };
  const marks: Mark[] = [
    ...axis.items
      .filter((i) => i.cluster === undefined)
      .map((i) => ({ ...markExtent(axis, i), id: i.id, lane: i.lane, quiet: active.has(i.id), text: text(i.id) })),
    // A cluster is one mark: its members are named by tooltip only.
    ...axis.clusters.map((c, k) => ({ x0: c.x0, x1: c.x1, id: `cluster-${k}`, lane: c.lane, quiet: true, text: '' })),
  ];
  return { flags, report, names: laneLabels(marks, axis.width, measure, [axis.publishedX]) };
}

/**
 * The names on each axis drawn. The active events on an axis not drawn are named on the one that
 * is: the folded close-up's over its window on the overview; the overview's, when the close-up
 * has taken its place, over the whole close-up. Without `measure` (the page's font may still
 * change every width: Timeline.svelte `fontsSettled`) each axis drawn is named nothing yet.
 */
export function timelineNames(
  layout: TimelineLayout,
  active: ReadonlySet<string>,
  text: (id: string) => string,
  measure: Measure | undefined,
  lineHeight: number,
  /** The report's line is named this, in the story's language. */
  reportWord = 'report',
): { overview?: AxisNames; detail?: AxisNames } {
  const { overview, detail, shown } = layout;
  const on = (axis: Axis | undefined) => (axis?.items ?? []).filter((i) => active.has(i.id)).map((i) => i.id);
  const name = (axis: Axis, hidden: Axis | undefined, over: { x0: number; x1: number }): AxisNames =>
    measure
      ? axisNames(axis, active, text, measure, lineHeight, { ids: on(hidden), over }, reportWord)
      : { flags: [], names: [] };
  return {
    overview: shown.overview
      ? name(overview, shown.detail ? undefined : detail, detail?.window ?? { x0: 0, x1: 0 })
      : undefined,
    detail:
      shown.detail && detail
        ? name(detail, shown.overview ? undefined : overview, { x0: 0, x1: detail.width })
        : undefined,
  };
}

/** Where an item's tooltip goes: under its lane, from its centre, rightwards or (past half) leftwards. */
export function tipPlace(
  layout: TimelineLayout,
  id: string,
): { top: number; x: number; leftward: boolean } | undefined {
  const { rows, shown } = layout;
  let top = 0;
  for (const axis of [shown.overview ? layout.overview : undefined, shown.detail ? layout.detail : undefined]) {
    if (!axis) continue;
    const item = axis.items.find((i) => i.id === id);
    if (item) {
      const x = (item.hit0 + item.hit1) / 2;
      return { top: top + rows.flags + (item.lane + 1) * axis.laneHeight + 2, x, leftward: x > axis.width / 2 };
    }
    top += rows.flags + axis.lanes * axis.laneHeight + rows.ticks + rows.connector;
  }
  return undefined;
}
