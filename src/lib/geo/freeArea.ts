/**
 * The part of the map nothing covers. The page measures what lies over the map (the timeline, the
 * key, the step card where the reader will read it, the phone's notch and home bar) and the camera
 * frames the step's places in the largest rectangle left free. Pure: rectangles in, rectangle out.
 */
import type { Padding, Viewport } from './camera.ts';

/** A rectangle in map pixels, from the map's top-left corner. */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** However much covers the map, at least this share of each side stays free for the places. */
export const MIN_FREE = 0.3;

const area = (r: Rect) => Math.max(0, r.right - r.left) * Math.max(0, r.bottom - r.top);

/** Overlap by more than half a pixel: covers that only touch an edge leave it free. */
const overlaps = (a: Rect, b: Rect) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

/** A cover cut to the map; none if it lies outside it. */
function clip(r: Rect, size: Viewport): Rect | undefined {
  const c = {
    left: Math.max(0, r.left),
    top: Math.max(0, r.top),
    right: Math.min(size.width, r.right),
    bottom: Math.min(size.height, r.bottom),
  };
  return area(c) > 0 ? c : undefined;
}

/**
 * The largest rectangle of the map that no cover overlaps. Its edges can only be the map's edges or
 * a cover's, so trying every pair of those finds it; a map has a handful of covers, so this is cheap.
 */
export function freeArea(size: Viewport, covers: readonly Rect[]): Rect {
  const cut = covers.flatMap((r) => clip(r, size) ?? []);
  const xs = [...new Set([0, size.width, ...cut.flatMap((r) => [r.left, r.right])])].sort((a, b) => a - b);
  const ys = [...new Set([0, size.height, ...cut.flatMap((r) => [r.top, r.bottom])])].sort((a, b) => a - b);
  let best: Rect = { left: 0, top: 0, right: 0, bottom: 0 };
  for (let i = 0; i < xs.length; i++)
    for (let j = i + 1; j < xs.length; j++)
      for (let k = 0; k < ys.length; k++)
        for (let l = k + 1; l < ys.length; l++) {
          const r = { left: xs[i] ?? 0, right: xs[j] ?? 0, top: ys[k] ?? 0, bottom: ys[l] ?? 0 };
          if (area(r) > area(best) && !cut.some((c) => overlaps(c, r))) best = r;
        }
  return best;
}

/** Room kept between the framed places and the edge of the free area (their labels need it). */
export function frameMargin(size: Viewport): number {
  return Math.round(Math.min(size.width, size.height) * 0.08) + 16;
}

/**
 * The least room kept between the places and a cover, when the map is short of free space: half
 * the distance markers.ts keeps between two markers, plus a pixel, so a marker its neighbour
 * pushes aside still has its centre (and the middle of its target) clear of the cover.
 */
const MIN_EDGE = 16;

/**
 * The paddings on two opposite sides: the covers plus a margin. When they would leave less than
 * `MIN_FREE` of `length`, the margins give way first, then the covers' shares shrink together.
 */
function sides(a: number, b: number, edge: number, length: number): [number, number] {
  const most = length * (1 - MIN_FREE);
  const margin = Math.max(MIN_EDGE, Math.min(edge, (most - a - b) / 2));
  const [p, q] = [a + margin, b + margin];
  if (p + q <= most) return [Math.round(p), Math.round(q)];
  const k = most / (p + q);
  return [Math.round(p * k), Math.round(q * k)];
}

/**
 * MapLibre's padding for a camera that frames its places inside the free area, with a margin.
 * Where the covers leave too little, the places may go under their edges rather than shrink away:
 * at least `MIN_FREE` of the map's width and height stays in the frame.
 */
export function framePadding(size: Viewport, covers: readonly Rect[] = []): Padding {
  const free = freeArea(size, covers);
  const edge = frameMargin(size);
  const [top, bottom] = sides(free.top, size.height - free.bottom, edge, size.height);
  const [left, right] = sides(free.left, size.width - free.right, edge, size.width);
  return { top, right, bottom, left };
}

/**
 * The frames the camera can be given on a screen of this size, at their extremes: nothing over the
 * map, and as much covered as `framePadding` allows. The basemap's tiers are cut to cover both.
 */
export function extremeFrames(size: Viewport): Padding[] {
  const most = (length: number) => Math.round((length * (1 - MIN_FREE)) / 2);
  return [
    framePadding(size),
    { top: most(size.height), bottom: most(size.height), left: most(size.width), right: most(size.width) },
  ];
}
