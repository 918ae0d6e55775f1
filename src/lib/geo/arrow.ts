/**
 * An open arrowhead (a chevron: two short strokes meeting at the tip) for the end of a line,
 * sized in screen pixels at a zoom, in the flat Web Mercator the live and static maps both draw.
 * It is plain lng/lat, so the live map draws it with the route's own line style and the static map
 * with the route's own stroke: the arrow can never look different from the line it ends.
 */
import type { LngLat } from '../story/model.ts';

const TILE = 512;
/** Web Mercator, the world as a unit square (x east, y south). */
export const mercator = ([lng, lat]: LngLat): [number, number] => {
  const clamped = Math.max(-85.0511, Math.min(85.0511, lat));
  return [(lng + 180) / 360, (1 - Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360)) / Math.PI) / 2];
};
const lngLat = ([x, y]: [number, number]): LngLat => [
  x * 360 - 180,
  (Math.atan(Math.exp(Math.PI * (1 - 2 * y))) * 360) / Math.PI - 90,
];

export interface ChevronSize {
  /** Length of each stroke, in px at the zoom given. */
  length: number;
  /** Angle between each stroke and the line, in degrees. */
  angle: number;
}

export const CHEVRON: ChevronSize = { length: 10, angle: 35 };

/**
 * The way the line arrives at its last point, as drawn on a north-up map: degrees clockwise from
 * east (the screen's x to y), as MapLibre's `icon-rotate` takes it. Mercator keeps angles, so this
 * holds at every zoom. Undefined for a line with no length.
 */
export function arrival(line: readonly LngLat[]): number | undefined {
  const tipLngLat = line[line.length - 1];
  if (!tipLngLat) return undefined;
  const tip = mercator(tipLngLat);
  for (let i = line.length - 2; i >= 0; i--) {
    const [x, y] = mercator(line[i] as LngLat);
    if (x !== tip[0] || y !== tip[1]) return (Math.atan2(tip[1] - y, tip[0] - x) * 180) / Math.PI;
  }
  return undefined;
}

/**
 * The chevron at the line's last point, pointing the way the line arrives, for a map drawn at
 * `zoom`: [wing, tip, wing]. Undefined for a line with no length.
 */
export function chevron(line: readonly LngLat[], zoom: number, size: ChevronSize = CHEVRON): LngLat[] | undefined {
  const tipLngLat = line[line.length - 1];
  const angle = arrival(line);
  if (!tipLngLat || angle === undefined) return undefined;
  const world = TILE * 2 ** zoom;
  const tip = mercator(tipLngLat);
  const wing = (sign: number): LngLat => {
    // Back from the tip, `size.angle` either side of the line.
    const a = ((angle + 180 + sign * size.angle) * Math.PI) / 180;
    return lngLat([tip[0] + (Math.cos(a) * size.length) / world, tip[1] + (Math.sin(a) * size.length) / world]);
  };
  return [wing(1), tipLngLat, wing(-1)];
}

/**
 * The chevron as a picture pointing east with its tip in the middle (for a map icon that turns
 * about its centre): each pixel's coverage (0..1) by two round-capped strokes `stroke` px wide,
 * at `ratio` pixels per px. Row by row from the top.
 */
export function chevronMask(stroke: number, ratio: number, size: ChevronSize = CHEVRON) {
  const side = Math.ceil((size.length + stroke) * 2 * ratio);
  const c = side / 2;
  // Each wing as a vector from the tip. The loops below allocate nothing: this runs while the map
  // starts, once per pixel, before the JIT has warmed up.
  const wing = (sign: number) => {
    const a = ((180 + sign * size.angle) * Math.PI) / 180;
    return { dx: Math.cos(a) * size.length * ratio, dy: Math.sin(a) * size.length * ratio };
  };
  const [upper, lower] = [wing(1), wing(-1)];
  const toSegment = (x: number, y: number, { dx, dy }: { dx: number; dy: number }) => {
    const t = Math.max(0, Math.min(1, (x * dx + y * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - t * dx, y - t * dy);
  };
  const alpha = new Float32Array(side * side);
  for (let row = 0; row < side; row++)
    for (let col = 0; col < side; col++) {
      const [x, y] = [col + 0.5 - c, row + 0.5 - c];
      const d = Math.min(toSegment(x, y, upper), toSegment(x, y, lower));
      alpha[row * side + col] = Math.max(0, Math.min(1, (stroke * ratio) / 2 + 0.5 - d));
    }
  return { width: side, height: side, alpha };
}
