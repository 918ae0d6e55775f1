/**
 * Bounding boxes as [west, south, east, north], antimeridian-aware. A box that crosses 180° is
 * written unwrapped: `east` runs past 180 (Fiji is about [177, -19, 182, -16]), so `east - west`
 * is always its width, and MapLibre, turf's clipping and the Mercator maths all read it as one
 * continuous span. `west` always lies in -180..180.
 */
import type { BBox, LngLat } from '../story/model.ts';

/** The world, for boxes that would be wider than it. */
export const WORLD: BBox = [-180, -85, 180, 85];

/** A longitude moved by whole turns into -180..180 (180 stays 180). */
export function wrapLng(lng: number): number {
  if (lng >= -180 && lng <= 180) return lng;
  return ((((lng + 180) % 360) + 360) % 360) - 180;
}

/** `lng` moved by whole turns to lie closest to `reference`. */
export function nearestLng(lng: number, reference: number): number {
  return lng + 360 * Math.round((reference - lng) / 360);
}

/** The box with `west` in -180..180 and a width of at most 360°. */
export function normalizeBBox([west, south, east, north]: BBox): BBox {
  const width = Math.min(360, Math.max(0, east - west));
  if (width >= 360) return [-180, south, 180, north];
  const w = wrapLng(west);
  return [w === 180 && width > 0 ? -180 : w, south, (w === 180 && width > 0 ? -180 : w) + width, north];
}

/**
 * The smallest box holding all `boxes`, going the short way round the globe: Suva (178.4°) and
 * Nukuʻalofa (-175.2°) make a box 6.4° wide across 180°, not one 354° wide across Africa.
 * The best box always starts at one of the boxes' west edges, so each is tried in turn.
 */
export function unionBBox(boxes: readonly BBox[]): BBox {
  const spans = boxes.map(normalizeBBox);
  const first = spans[0];
  if (first === undefined) throw new Error('no boxes to join');
  const south = Math.min(...spans.map((b) => b[1]));
  const north = Math.max(...spans.map((b) => b[3]));
  let best: [number, number] = [-180, 180];
  for (const [start] of spans) {
    // Each box moved to start at or after `start`; the union must reach the farthest east.
    const east = Math.max(...spans.map(([w, , e]) => e + 360 * Math.ceil((start - w) / 360)));
    if (east - start < best[1] - best[0]) best = [start, east];
  }
  return normalizeBBox([best[0], south, best[1], north]);
}

/** Whether the point lies in the box, whichever way round its longitude is written. */
export function containsPoint(box: BBox, [lng, lat]: LngLat): boolean {
  if (lat < box[1] - 1e-9 || lat > box[3] + 1e-9) return false;
  const x = nearestLng(lng, (box[0] + box[2]) / 2);
  return x >= box[0] - 1e-9 && x <= box[2] + 1e-9;
}

/** The box widened by `margin` degrees on every side, within Web Mercator's latitudes. */
export function grow(box: BBox, margin: number): BBox {
  return normalizeBBox([
    box[0] - margin,
    Math.max(-85, box[1] - margin),
    box[2] + margin,
    Math.min(85, box[3] + margin),
  ]);
}

/** The planar bounds of a list of positions, as written (no wrapping). */
export function planarBounds(points: Iterable<readonly number[]>): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x = NaN, y = NaN] of points) {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  }
  return box;
}
