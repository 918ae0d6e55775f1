/**
 * Lanes for one time axis in a fixed height. Three tiers, roomiest first, so a story of ten events
 * looks as it always did and one of a thousand still fits:
 *  - full: every item a 24 px target (WCAG 2.2's size) in lanes 24 px high;
 *  - thin: items packed by the mark they draw, in lanes as high as the budget allows;
 *  - dense: as many thin lanes as fit, longest items first (a years-long span is not merged into a
 *    run of days), and what still does not fit merged in the last lane into clusters, one mark per
 *    run of touching items, each item a slice of its cluster.
 * Items never overlap: not their marks, not their buttons.
 */
export const HIT = 24;
/** The thinnest lane: a 7 px mark and half a pixel either side. */
export const MIN_LANE = 8;
/** Marks in full lanes: a bar 8 px high, a dot 11 px; in thin lanes, a bar 6 px, a dot 7. */
export const MARK = { full: { bar: 8, dot: 11 }, thin: { bar: 6, dot: 7 } } as const;
const GAP = { full: 4, thin: 2 } as const;

export interface Extent {
  x0: number;
  x1: number;
}
export interface LaneItem extends Extent {
  /** A point or a target, drawn as a dot or a diamond whatever its extent. */
  point: boolean;
}
export type Tier = 'full' | 'thin' | 'dense';
export interface Cluster extends Extent {
  lane: number;
  /** Indexes of the items merged into this mark, in time order. */
  members: number[];
}
export interface LaneFit {
  tier: Tier;
  lanes: number;
  laneHeight: number;
  /** Per item: its lane, its button's extent, and its cluster if it was merged. */
  placed: { lane: number; hit0: number; hit1: number; cluster?: number }[];
  clusters: Cluster[];
}

/** The clickable extent of an item: its own, widened to HIT px around its centre. */
export function hitExtent(s: Extent): [number, number] {
  const centre = (s.x0 + s.x1) / 2;
  return [Math.min(s.x0, centre - HIT / 2), Math.max(s.x1, centre + HIT / 2)];
}

/** What a thin lane draws: a dot 7 px wide, or a bar at least 6 px long. */
export function thinExtent(s: LaneItem): [number, number] {
  const d = MARK.thin.dot / 2;
  return s.point ? [s.x0 - d, s.x0 + d] : [s.x0, Math.max(s.x1, s.x0 + MARK.thin.bar)];
}

/**
 * Greedy first-fit by start: each extent takes the first lane whose last extent ends `gap` before
 * it; -1 for those that find no lane among the first `max`.
 */
export function packExtents(extents: readonly (readonly [number, number])[], gap: number, max = Infinity): number[] {
  const ends: number[] = [];
  const order = extents.map((_, i) => i).sort((a, b) => (extents[a]?.[0] ?? 0) - (extents[b]?.[0] ?? 0));
  const lanes = new Array<number>(extents.length).fill(-1);
  for (const i of order) {
    const [left, right] = extents[i] as [number, number];
    let lane = ends.findIndex((end) => end + gap <= left);
    if (lane === -1 && ends.length < max) lane = ends.push(0) - 1;
    if (lane === -1) continue;
    ends[lane] = right;
    lanes[i] = lane;
  }
  return lanes;
}

/** Lane packing by clickable extent, so no two targets overlap (the full tier). */
export function packLanes(spans: readonly Extent[], gap: number = GAP.full): number[] {
  return packExtents(spans.map(hitExtent), gap);
}

const count = (lanes: readonly number[]) => Math.max(0, ...lanes) + 1;

/** How many lanes each tier needs: full (24 px targets) and thin (marks only). */
export function laneNeeds(items: readonly LaneItem[]): { full: number; thin: number } {
  return { full: count(packLanes(items)), thin: count(packExtents(items.map(thinExtent), GAP.thin)) };
}

/** Fits items into lanes at most `height` px high in all (at least one MIN_LANE lane). */
export function fitLanes(items: readonly LaneItem[], height: number): LaneFit {
  const full = packLanes(items);
  if (count(full) * HIT <= height || items.length === 0) {
    const placed = items.map((s, i) => {
      const [hit0, hit1] = hitExtent(s);
      return { lane: full[i] ?? 0, hit0, hit1 };
    });
    return { tier: 'full', lanes: count(full), laneHeight: HIT, placed, clusters: [] };
  }
  const extents = items.map(thinExtent);
  const thin = packExtents(extents, GAP.thin);
  // A pixel either side of the mark is still the item's: the gap between marks is 2 px.
  const hit = (i: number) => ({ hit0: (extents[i]?.[0] ?? 0) - 1, hit1: (extents[i]?.[1] ?? 0) + 1 });
  if (count(thin) * MIN_LANE <= height) {
    const laneHeight = Math.min(HIT, Math.floor(height / count(thin)));
    const placed = items.map((_, i) => ({ lane: thin[i] ?? 0, ...hit(i) }));
    return { tier: 'thin', lanes: count(thin), laneHeight, placed, clusters: [] };
  }
  const lanes = Math.max(1, Math.floor(height / MIN_LANE));
  const packed = packLongestFirst(extents, GAP.thin, lanes - 1);
  const placed: LaneFit['placed'] = items.map((_, i) => ({ lane: packed[i] ?? -1, ...hit(i) }));
  const clusters = cluster(
    extents,
    placed.flatMap((p, i) => (p.lane === -1 ? [i] : [])),
    lanes - 1,
  );
  clusters.forEach((c, k) => {
    // Each member gets an equal slice of the cluster's extent, in time order: the slices tile it.
    const step = (c.x1 - c.x0 + 2) / c.members.length;
    c.members.forEach(
      (i, j) => (placed[i] = { lane: c.lane, hit0: c.x0 - 1 + j * step, hit1: c.x0 - 1 + (j + 1) * step, cluster: k }),
    );
  });
  return { tier: 'dense', lanes, laneHeight: Math.max(MIN_LANE, Math.floor(height / lanes)), placed, clusters };
}

/** First fit, longest first: each extent takes the first lane where it touches nothing; -1 if none. */
function packLongestFirst(extents: readonly (readonly [number, number])[], gap: number, max: number): number[] {
  const length = (i: number) => (extents[i]?.[1] ?? 0) - (extents[i]?.[0] ?? 0);
  const order = extents.map((_, i) => i).sort((a, b) => length(b) - length(a) || a - b);
  const taken: (readonly [number, number])[][] = Array.from({ length: max }, () => []);
  const lanes = new Array<number>(extents.length).fill(-1);
  for (const i of order) {
    const [left, right] = extents[i] as [number, number];
    const lane = taken.findIndex((row) => row.every(([a, b]) => b + gap <= left || right + gap <= a));
    if (lane === -1) continue;
    taken[lane]?.push([left, right]);
    lanes[i] = lane;
  }
  return lanes;
}

/** Runs of touching extents (closer than the thin gap), each merged into one cluster. */
function cluster(extents: readonly (readonly [number, number])[], rest: number[], lane: number): Cluster[] {
  const order = [...rest].sort((a, b) => (extents[a]?.[0] ?? 0) - (extents[b]?.[0] ?? 0) || a - b);
  const clusters: Cluster[] = [];
  for (const i of order) {
    const [x0, x1] = extents[i] as [number, number];
    const last = clusters.at(-1);
    if (last && x0 < last.x1 + GAP.thin) {
      last.x1 = Math.max(last.x1, x1);
      last.members.push(i);
    } else clusters.push({ x0, x1, lane, members: [i] });
  }
  return clusters;
}
